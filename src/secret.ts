// Judgements about a secret's text alone: is it random enough to be real, is it a placeholder,
// and how to show it without revealing it. Pure functions; no knowledge of rules or files.

/** ASCII character counts and the order the characters first occur in, reused by entropy. */
const counts = new Uint32Array(128);
const firsts = new Uint8Array(128);

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (s.length === 0) return 0;
  let distinct = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) {
      for (let j = 0; j < distinct; j++) counts[firsts[j]!] = 0;
      return entropyBeyondAscii(s);
    }
    if (counts[c]!++ === 0) firsts[distinct++] = c;
  }
  // Summed in order of first occurrence, as entropyBeyondAscii does (the same rounding).
  let bits = 0;
  for (let j = 0; j < distinct; j++) {
    const p = counts[firsts[j]!]! / s.length;
    counts[firsts[j]!] = 0;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function entropyBeyondAscii(s: string): number {
  const seen = new Map<string, number>();
  for (const ch of s) seen.set(ch, (seen.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of seen.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const PLACEHOLDER_WORDS =
  /x{4}|\*{3}|\.{3}|redacted|example|placeholder|your[-_]?(?:api|secret|own|key|token)|replace[-_]?me|changeme|dummy|insert[-_]?(?:your|key|here)|[-_]here\b|<[a-z_ -]+>/i;

/** Longest run of equal characters, or of characters whose codes rise or fall by one (abcd, 4321). */
function longestRun(s: string): number {
  let best = 1;
  let same = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    same = d === 0 ? same + 1 : 1;
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    best = Math.max(best, same, up, down);
  }
  return best;
}

/**
 * True when `body` (a secret without its vendor prefix) is a stand-in rather than a key:
 * placeholder words (xxxx, REDACTED, your-api-key, ...), long runs of one character or of a
 * sequence (aaaaaa, abcdef, 123456), or too little entropy for its length.
 */
export function isPlaceholder(body: string, minEntropy = 3): boolean {
  if (PLACEHOLDER_WORDS.test(body)) return true;
  if (longestRun(body) >= 6) return true;
  // Short strings cannot reach high entropy even when random: scale the bar with length.
  const bar = Math.min(minEntropy, Math.log2(Math.max(body.length, 2)) * 0.75);
  return entropy(body) < bar;
}

/** Leading vendor prefix of a key (`sk-proj-`, `sk-ant-api03-`, `gsk_`, `AIza`), kept when masking. */
const VENDOR_PREFIX = /^(?:sk-ant-(?:api|admin)\d\d-|sk-or-v1-|sk-[A-Za-z]{3,8}-|[a-z]{2,4}_(?:live_|org_)?|[a-z]{3,4}-|sk-|AIza)/;

/**
 * The masked form of a secret: its vendor prefix, a few leading and trailing characters, and an
 * ellipsis. Short secrets show less; a secret of under 8 characters shows none of itself.
 */
export function mask(secret: string): string {
  const prefix = VENDOR_PREFIX.exec(secret)?.[0] ?? '';
  const body = secret.slice(prefix.length);
  const show = body.length >= 32 ? 4 : body.length >= 16 ? 2 : body.length >= 8 ? 1 : 0;
  if (show === 0) return `${prefix}${'*'.repeat(Math.min(Math.max(body.length, 3), 8))}`;
  return `${prefix}${body.slice(0, show)}…${body.slice(-show)}`;
}
