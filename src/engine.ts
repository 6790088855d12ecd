// The engine: maps chunks and rules to findings. Keyword search on the raw bytes first (one pass
// for all keywords), UTF-8 decoding and each rule's regex second (over the whole text, or anchored
// where its keywords occur), then placeholder, judge and allow-comment checks, and a fingerprint.
// Line and column are computed only for matches. It never touches the filesystem or git, never
// awaits, and never masks: masking belongs to the reporters.

import { isAscii } from 'node:buffer';
import { createRequire } from 'node:module';
import { type Hits, type Keyword, KeywordSearch, noHits } from './keywords.js';
import { isPlaceholder } from './secret.js';
import type { Chunk, ContentRule, FileFacts, FileRule, Finding, PatternSpec, PlaceRule, Rule } from './types.js';

/** The same-line comment that suppresses findings on that line. */
export const ALLOW_MARKER = 'leakgate:allow';

/** One pattern of a rule (its main pattern or a variant) with the ids of the keywords that gate it. */
interface Compiled {
  readonly rule: ContentRule;
  readonly pattern: RegExp;
  /** Indexes into the keyword search's keywords. */
  readonly keywordIds: readonly number[];
  /** Files whose path it takes; null: all. */
  readonly paths: RegExp | null;
}

export class Engine {
  readonly rules: readonly Rule[];
  private readonly compiled: readonly Compiled[];
  /** The keywords of all patterns, by id; searched for by a KeywordSearch made on first use (an engine for file rules needs none). */
  private readonly keywords: readonly Keyword[];
  private searcher: KeywordSearch | undefined;
  private readonly fileRules: readonly FileRule[];
  private readonly placeRules: readonly PlaceRule[];
  private readonly hasFallback: boolean;
  /**
   * By keyword id, the indexes (into compiled) of the patterns it gates; and by index, each
   * pattern's regex and paths. Plain arrays for candidates(), whose loop runs once per keyword hit:
   * objects whose field holds a RegExp in some and null in others change hidden class as V8 learns
   * it, and each change throws its optimised code away.
   */
  private readonly gated: readonly (readonly number[])[];
  private readonly patterns: readonly RegExp[];
  private readonly pathsOf: readonly (RegExp | null)[];

  constructor(rules: readonly Rule[]) {
    this.rules = rules;
    this.fileRules = rules.filter((r): r is FileRule => r.kind === 'file');
    this.placeRules = rules.filter((r): r is PlaceRule => r.kind === 'place');
    this.hasFallback = rules.some((r) => isContent(r) && r.fallback === true);
    const ids = new Map<string, number>();
    this.compiled = rules
      .filter(isContent)
      .flatMap((rule) => patternsOf(rule).map(({ keywords, pattern, paths }) => {
        if (!pattern.global && !pattern.sticky) throw new Error(`rule ${rule.id}: pattern needs the g or the y flag`);
        if (keywords.length === 0) throw new Error(`rule ${rule.id}: pattern needs keywords`);
        // A pattern that ignores case is gated by its keywords in any case.
        const keywordIds = keywords.map((text) => {
          const key = `${pattern.ignoreCase ? 'i' : 's'}${text}`;
          let id = ids.get(key);
          if (id === undefined) ids.set(key, (id = ids.size));
          return id;
        });
        return { rule, pattern, keywordIds, paths: paths ?? null };
      }));
    this.keywords = [...ids.keys()].map((key) => ({ text: key.slice(1), fold: key[0] === 'i' }));
    this.gated = this.keywords.map((_, id) => this.compiled.flatMap((c, i) => (c.keywordIds.includes(id) ? [i] : [])));
    this.patterns = this.compiled.map((c) => c.pattern);
    this.pathsOf = this.compiled.map((c) => c.paths);
  }

  private get search(): KeywordSearch {
    return (this.searcher ??= new KeywordSearch(this.keywords));
  }

  /**
   * All findings in one chunk, in the order of the rules and then of their position. `hits`: the
   * keywords in its content, when a search over many chunks at once (candidates) found them already.
   */
  scan(chunk: Chunk, hits?: Hits): Finding[] {
    const bytes = typeof chunk.content === 'string' ? Buffer.from(chunk.content, 'utf8') : chunk.content;
    hits ??= this.search.find(bytes, noHits());
    if (hits.ids.length === 0) return [];
    const present = new Uint8Array(this.keywords.length);
    for (const id of hits.ids) present[id] = 1;
    let text: string | undefined;
    let lines: LineIndex | undefined;
    const findings: Finding[] = [];
    // Where each finding sits, kept when a fallback rule runs, to drop its overlaps with the others.
    const spans: Span[] = [];
    // Built client output: key findings become the place rule's, and generic rules stay out.
    const place = this.placeRules.find((p) => p.takes(chunk.path, chunk.frameworks ?? []));

    /** Judges one match and records its finding; false when the match is no secret. */
    const consider = (rule: ContentRule, m: RegExpExecArray, text: string): boolean => {
      const secret = m.groups?.secret ?? m[0];
      const start = m.index + (m.groups?.secret === undefined ? 0 : m[0].indexOf(secret));
      const end = start + secret.length;
      const verdict = isPlaceholder(secret, rule.minEntropy) ? null : rule.judge ? rule.judge({ secret, match: m, text, start, end, path: chunk.path, frameworks: chunk.frameworks ?? [] }) : {};
      if (verdict === null) return false;
      lines ??= new LineIndex(text);
      if (lines.lineText(start).includes(ALLOW_MARKER)) return true;
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
      return true;
    };

    for (const { rule, pattern: re, keywordIds, paths } of this.compiled) {
      if (!keywordIds.some((id) => present[id] === 1)) continue;
      if (paths && !paths.test(chunk.path)) continue;
      if (place && rule.fallback) continue;
      text ??= typeof chunk.content === 'string' ? chunk.content : decode(bytes);
      if (re.sticky) {
        // Anchored: tried where each of its keywords occurs, and not again inside a secret it found.
        let from = 0;
        for (const at of textOffsets(bytes, text, startsOf(hits, keywordIds))) {
          if (at < from) continue;
          re.lastIndex = at;
          const m = re.exec(text);
          if (m !== null && m[0].length > 0 && consider(rule, m, text)) from = m.index + m[0].length;
        }
        continue;
      }
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length === 0) re.lastIndex++;
        // A rejected match may hide one that starts inside it (<add key="ApiKey" value="...">).
        else if (!consider(rule, m, text)) re.lastIndex = m.index + 1;
      }
    }
    return spans.some((s) => s.fallback) ? dropCovered(findings, spans) : findings;
  }

  /**
   * The keyword search over many files at once: `bytes` holds files back to back, file i ending
   * (exclusive) at `ends[i]`, with a separator byte that no keyword contains (a newline) between
   * them. Returns the files that need scanning (by index, in order), each with the keyword hits
   * that count in it (offsets relative to the file). A hit counts when a pattern it gates takes the
   * file's path and, for an anchored pattern in a file of ASCII text, matches there (its bytes are
   * then its text), which spares decoding the many files that hold a common word (key, token) but
   * no assignment.
   */
  candidates(bytes: Buffer, ends: readonly number[], paths: readonly string[]): [number, Hits][] {
    const all = this.search.find(bytes, noHits());
    const chosen = new Map<number, Hits>();
    // Per file, found when first needed: whether it is ASCII, its text then, and whether each
    // pattern takes its path (0 not asked, 1 yes, 2 no).
    let file = -1;
    let start = 0;
    let ascii: boolean | null = null;
    let text: string | null = null;
    const takes = new Uint8Array(this.compiled.length);
    for (let k = 0; k < all.ids.length; k++) {
      const at = all.at[k]!;
      const f = upperBound(ends, at);
      if (f >= ends.length) continue;
      if (f !== file) {
        file = f;
        start = f === 0 ? 0 : ends[f - 1]! + 1;
        ascii = null;
        text = null;
        takes.fill(0);
      }
      let counts = false;
      for (const i of this.gated[all.ids[k]!]!) {
        const only = this.pathsOf[i]!;
        if (only !== null) {
          if (takes[i] === 0) takes[i] = only.test(paths[file]!) ? 1 : 2;
          if (takes[i] === 2) continue;
        }
        // Beyond ASCII, byte offsets and repetition counts are no guide to the decoded text: scan() decides.
        ascii ??= isAscii(bytes.subarray(start, ends[file]));
        const re = this.patterns[i]!;
        if (!re.sticky || !ascii) {
          counts = true;
          break;
        }
        text ??= bytes.toString('latin1', start, ends[file]);
        re.lastIndex = at - start;
        if (re.exec(text) !== null) {
          counts = true;
          break;
        }
      }
      if (!counts) continue;
      let hits = chosen.get(file);
      if (hits === undefined) chosen.set(file, (hits = noHits()));
      hits.ids.push(all.ids[k]!);
      hits.at.push(at - start);
    }
    return [...chosen].sort((a, b) => a[0] - b[0]);
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
}

/** Whether a rule reads content (as opposed to a file rule's names or a place rule's places). */
export const isContent = (r: Rule): r is ContentRule => r.kind === undefined || r.kind === 'content';

/** A content rule's patterns: its own and its variants. */
export const patternsOf = (rule: ContentRule): PatternSpec[] => [{ keywords: rule.keywords, pattern: rule.pattern }, ...(rule.variants ?? [])];

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

/** A Buffer view of the same bytes (no copy). */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Bytes as UTF-8 text (invalid sequences become U+FFFD). */
const decode = (bytes: Uint8Array): string => asBuffer(bytes).toString('utf8');

/** Where the keywords `ids` occur, in ascending order. */
function startsOf(hits: Hits, ids: readonly number[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < hits.ids.length; k++) if (ids.includes(hits.ids[k]!)) out.push(hits.at[k]!);
  return out.sort((a, b) => a - b);
}

/**
 * Byte offsets (ascending, each at an ASCII byte, as keywords start) as offsets into `text`, the
 * decoding of `bytes`. Equal lengths mean every byte decoded to one code unit, so offsets agree;
 * otherwise the text before each offset is measured by decoding the bytes since the previous one,
 * which is exact because UTF-8 decoding starts afresh at every ASCII byte.
 */
function textOffsets(bytes: Uint8Array, text: string, offsets: number[]): number[] {
  if (text.length === bytes.length) return offsets;
  const buf = asBuffer(bytes);
  let byte = 0;
  let unit = 0;
  return offsets.map((at) => {
    unit += buf.toString('utf8', byte, at).length;
    byte = at;
    return unit;
  });
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
