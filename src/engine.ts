// The engine: maps chunks and rules to findings. Keyword prefilter on the raw bytes first, UTF-8
// decoding and each rule's regex second, then placeholder, judge and allow-comment checks, and a
// fingerprint. Line and column are computed only for matches. It never touches the filesystem or
// git, never awaits, and never masks: masking belongs to the reporters.

import { createRequire } from 'node:module';
import { isPlaceholder } from './secret.js';
import type { Chunk, ContentRule, FileFacts, FileRule, Finding, PatternSpec, PlaceRule, Rule } from './types.js';

/** The same-line comment that suppresses findings on that line. */
export const ALLOW_MARKER = 'leakgate:allow';

/**
 * Printable bytes ranked by how often they occur in source code, most common first (counted over
 * 90 MB of the JavaScript, TypeScript, JSON and Markdown in node_modules); bytes not listed are
 * rarer still. Buffer.indexOf scans for a needle's first byte, so a needle that starts with a rare
 * byte runs several times faster than one that starts with "s" or "e".
 */
const COMMON = ' etrsnoia\nclpdu.hmf"g,()/=y*b:\'v{;}wk-x`SA_ET\tICRO0[j]1PDNLM>2|F#BqU&?\\3H<@!W8465+zG9V$7YK^JQX%Z\r~';
const ANCHOR_MAX = 6;

/** A needle searched for in the prefilter: a slice of one or more keywords, verified in full on a hit. */
interface Anchor {
  readonly needle: Buffer;
  readonly keywords: { readonly bytes: Buffer; readonly offset: number }[];
}

/**
 * The slice of a keyword (2 to 6 bytes) that starts with its rarest byte. Two bytes can be enough:
 * `x-` for `pplx-` finds a few hits more than `pplx-` but skips through text three times faster.
 */
function anchorOf(keyword: string): { needle: string; offset: number } {
  const rarity = (ch: string): number => {
    const r = COMMON.indexOf(ch);
    return r === -1 ? Infinity : r;
  };
  const last = keyword.length - Math.min(2, keyword.length);
  let best = 0;
  for (let i = 1; i <= last; i++) if (rarity(keyword[i]!) > rarity(keyword[best]!)) best = i;
  return { needle: keyword.slice(best, best + ANCHOR_MAX), offset: best };
}

/** One pattern of a rule (its main pattern or a variant) with the ids of the keywords that gate it. */
interface Compiled {
  readonly rule: ContentRule;
  readonly pattern: RegExp;
  /** Indexes into Engine.keywords; none: the pattern gates itself (see PatternSpec). */
  readonly keywordIds: readonly number[];
  readonly paths?: RegExp;
}

export class Engine {
  readonly rules: readonly Rule[];
  private readonly compiled: readonly Compiled[];
  private readonly keywords: readonly Buffer[];
  private readonly keywordText: readonly string[];
  private readonly anchors: readonly Anchor[];
  /** Each keyword's anchor, by keyword id. */
  private readonly anchorOf: readonly { readonly needle: Buffer; readonly offset: number }[];

  private readonly fileRules: readonly FileRule[];
  private readonly placeRules: readonly PlaceRule[];
  private readonly hasFallback: boolean;
  /** Patterns without keywords, which pick their files themselves. */
  private readonly selfGated: readonly Compiled[];
  constructor(rules: readonly Rule[]) {
    this.rules = rules;
    this.fileRules = rules.filter((r): r is FileRule => r.kind === 'file');
    this.placeRules = rules.filter((r): r is PlaceRule => r.kind === 'place');
    this.hasFallback = rules.some((r) => isContent(r) && r.fallback === true);
    const ids = new Map<string, number>();
    this.compiled = rules
      .filter(isContent)
      .flatMap((rule) => [{ keywords: rule.keywords, pattern: rule.pattern }, ...(rule.variants ?? [])].map(({ keywords, pattern, paths }: PatternSpec) => {
        if (!pattern.global) throw new Error(`rule ${rule.id}: pattern needs the g flag`);
        const keywordIds = keywords.map((k) => {
          let id = ids.get(k);
          if (id === undefined) ids.set(k, (id = ids.size));
          return id;
        });
        return { rule, pattern, keywordIds, ...(paths ? { paths } : {}) };
      }));
    this.selfGated = this.compiled.filter((c) => c.keywordIds.length === 0);
    this.keywordText = [...ids.keys()];
    this.keywords = this.keywordText.map((k) => Buffer.from(k, 'utf8'));
    const anchors = new Map<string, Anchor>();
    this.anchorOf = this.keywordText.map((k, id) => {
      const { needle, offset } = anchorOf(k);
      let a = anchors.get(needle);
      if (!a) anchors.set(needle, (a = { needle: Buffer.from(needle, 'utf8'), keywords: [] }));
      a.keywords.push({ bytes: this.keywords[id]!, offset });
      return { needle: a.needle, offset };
    });
    this.anchors = [...anchors.values()];
  }

  /** All findings in one chunk, in the order of the rules and then of their position. */
  scan(chunk: Chunk): Finding[] {
    const present = this.presence(chunk.content);
    let text: string | undefined;
    let lines: LineIndex | undefined;
    const findings: Finding[] = [];
    // Where each finding sits, kept when a fallback rule runs, to drop its overlaps with the others.
    const spans: Span[] = [];
    // Built client output: key findings become the place rule's, and generic rules stay out.
    const place = this.placeRules.find((p) => p.takes(chunk.path, chunk.frameworks ?? []));
    for (const { rule, pattern: re, keywordIds, paths } of this.compiled) {
      if (keywordIds.length > 0 && !keywordIds.some(present)) continue;
      if (paths && !paths.test(chunk.path)) continue;
      if (place && rule.fallback) continue;
      text ??= decode(chunk.content);
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const secret = m.groups?.secret ?? m[0];
        const start = m.index + (m.groups?.secret === undefined ? 0 : m[0].indexOf(secret));
        const end = start + secret.length;
        const verdict = isPlaceholder(secret, rule.minEntropy) ? null : rule.judge ? rule.judge({ secret, match: m, text, start, end, path: chunk.path, frameworks: chunk.frameworks ?? [] }) : {};
        if (verdict === null) {
          // A rejected match may hide one that starts inside it (<add key="ApiKey" value="...">).
          re.lastIndex = m.index + 1;
          continue;
        }
        lines ??= new LineIndex(text);
        if (lines.lineText(start).includes(ALLOW_MARKER)) continue;
        const [line, column] = lines.position(start);
        const [endLine, endColumn] = lines.position(end);
        if (this.hasFallback) spans.push({ start, end, fallback: rule.fallback === true });
        const reported = verdict.secret === undefined ? secret : verdict.secret;
        const finding: Finding = {
          ruleId: rule.id,
          severity: verdict.severity ?? rule.severity,
          file: chunk.path,
          line: chunk.line + line,
          column,
          endLine: chunk.line + endLine,
          endColumn,
          ...(chunk.commit === undefined ? {} : { commit: chunk.commit }),
          message: verdict.message ?? rule.message,
          fix: verdict.fix ?? rule.fix,
          ...(verdict.confidence === undefined || verdict.confidence === 'high' ? {} : { confidence: verdict.confidence }),
          ...(reported === null ? {} : { secret: reported }),
          fingerprint: fingerprint(rule.id, chunk.path, reported ?? secret),
        };
        findings.push(place && rule.key ? restated(place, finding) : finding);
      }
    }
    return spans.some((s) => s.fallback) ? dropCovered(findings, spans) : findings;
  }

  /**
   * The keyword prefilter over many files at once: `bytes` holds files back to back, file i ending
   * (exclusive) at `ends[i]`, with a separator byte that no keyword contains (a newline) between
   * them. Returns the indexes of the files in which some keyword occurs; only those need scanning.
   * One search per keyword per window, instead of one per keyword per file.
   */
  candidates(bytes: Buffer, ends: readonly number[], paths: readonly string[]): Set<number> {
    const hits = new Set<number>();
    if (this.selfGated.length > 0) this.gateItself(bytes, ends, paths, hits);
    for (const { needle, keywords } of this.anchors) {
      let at = bytes.indexOf(needle);
      while (at !== -1) {
        let next = at + 1;
        for (const { bytes: kw, offset } of keywords) {
          const start = at - offset;
          if (start >= 0 && start + kw.length <= bytes.length && bytes.compare(kw, 0, kw.length, start, start + kw.length) === 0) {
            const file = upperBound(ends, start);
            if (file >= ends.length) break;
            hits.add(file);
            next = ends[file]!;
            break;
          }
        }
        at = next < bytes.length ? bytes.indexOf(needle, next) : -1;
      }
    }
    return hits;
  }

  /**
   * Adds to `hits` the files where a self-gated pattern matches (run once over the whole window, read
   * as latin1: one character a byte, so offsets are byte offsets) or whose path a path-gated one takes.
   */
  private gateItself(bytes: Buffer, ends: readonly number[], paths: readonly string[], hits: Set<number>): void {
    let text: string | undefined;
    for (const { pattern, paths: only } of this.selfGated) {
      if (only) {
        paths.forEach((p, i) => only.test(p) && hits.add(i));
        continue;
      }
      text ??= bytes.toString('latin1');
      const re = pattern;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const file = upperBound(ends, m.index);
        if (file >= ends.length) break;
        hits.add(file);
        re.lastIndex = ends[file]! + 1;
      }
    }
  }

  /** The file rules' findings for one file (no content needed: names and git status). */
  checkFile(facts: FileFacts): Finding[] {
    const out: Finding[] = [];
    for (const rule of this.fileRules) {
      const verdict = rule.check(facts);
      if (verdict === null) continue;
      out.push({
        ruleId: rule.id,
        severity: verdict.severity ?? rule.severity,
        file: facts.path,
        ...(facts.commit === undefined ? {} : { commit: facts.commit }),
        message: verdict.message ?? rule.message,
        fix: verdict.fix ?? rule.fix,
        fingerprint: fingerprint(rule.id, facts.path, ''),
      });
    }
    return out;
  }

  /** A memoised test "does keyword i occur in this content?", searching each keyword at most once. */
  private presence(content: Uint8Array | string): (id: number) => boolean {
    const seen: (boolean | undefined)[] = [];
    if (typeof content === 'string') {
      return (id) => (seen[id] ??= content.includes(this.keywordText[id]!));
    }
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    return (id) => (seen[id] ??= this.holds(bytes, id));
  }

  /** Whether keyword `id` occurs in `bytes`, searched by its anchor (see anchorOf). */
  private holds(bytes: Buffer, id: number): boolean {
    const { needle, offset } = this.anchorOf[id]!;
    const keyword = this.keywords[id]!;
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
      const start = at - offset;
      if (start >= 0 && start + keyword.length <= bytes.length && bytes.compare(keyword, 0, keyword.length, start, start + keyword.length) === 0) return true;
    }
    return false;
  }
}

/** Whether a rule reads content (as opposed to a file rule's names or a place rule's places). */
export const isContent = (r: Rule): r is ContentRule => r.kind === undefined || r.kind === 'content';

/** A key rule's finding in a place that a place rule takes, as that rule's finding. */
function restated(place: PlaceRule, f: Finding): Finding {
  const verdict = place.restate(f);
  return {
    ...f,
    ruleId: place.id,
    severity: verdict.severity ?? place.severity,
    message: verdict.message ?? place.message,
    fix: verdict.fix ?? place.fix,
    fingerprint: fingerprint(place.id, f.file, f.secret ?? ''),
  };
}

/** Where each finding's secret sits in its chunk's text, and whether a fallback rule found it. */
interface Span {
  readonly start: number;
  readonly end: number;
  readonly fallback: boolean;
}

/**
 * The findings without those of fallback rules that overlap another rule's finding, or repeat a
 * span that an earlier pattern of the same rule found.
 */
function dropCovered(findings: Finding[], spans: readonly Span[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f, i) => {
    const s = spans[i]!;
    if (!s.fallback) return true;
    const key = `${f.ruleId}\0${s.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !spans.some((t) => !t.fallback && t.start < s.end && s.start < t.end);
  });
}

function decode(content: Uint8Array | string): string {
  if (typeof content === 'string') return content;
  return Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
}

/** The first index i with sorted[i] > value (sorted.length when none). */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * node:crypto, loaded on the first fingerprint: loading it costs more than a whole clean pre-commit
 * scan, which makes none.
 */
let crypto: typeof import('node:crypto') | undefined;

/** Rule id, path and a hash of the secret: the secret itself never appears, and moving lines keeps it. */
export function fingerprint(ruleId: string, path: string, secret: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const hash = crypto.createHash('sha256').update(secret).digest('hex').slice(0, 16);
  return `${ruleId}:${path}:${hash}`;
}

/** Offsets of line starts in a text, built once per chunk that has a match. */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 0-based line (relative to the chunk) and 1-based column of an offset. */
  position(offset: number): [number, number] {
    const line = this.lineOf(offset);
    return [line, offset - this.starts[line]! + 1];
  }

  lineText(offset: number): string {
    const line = this.lineOf(offset);
    const end = this.starts[line + 1] ?? this.text.length;
    return this.text.slice(this.starts[line], end);
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
