// The engine: maps chunks and rules to findings. Keyword search on the raw bytes first (one pass
// for all keywords), UTF-8 decoding and each rule's regex second (over the whole text, or anchored
// where its keywords occur), then placeholder, judge and allow-comment checks, and a fingerprint.
// Line and column are computed only for matches. It never touches the filesystem or git, never
// awaits, and never masks: masking belongs to the reporters.

import { isAscii } from 'node:buffer';
import { createRequire } from 'node:module';
import { type Hits, type Keyword, KeywordSearch, noHits } from './keywords.js';
import { isPlaceholder } from './secret.js';
import type { Candidate, Chunk, ContentRule, FileFacts, FileRule, Finding, FollowedBy, Framework, PatternSpec, PlaceRule, Rule } from './types.js';

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
  /** Its FollowedBy as tables (see followTables). */
  readonly follow: readonly FollowTable[];
}

export class Engine {
  readonly rules: readonly Rule[];
  private readonly compiled: readonly Compiled[];
  /** The keywords of all patterns, by id; searched for by a KeywordSearch made on first use (an engine for file rules needs none). */
  private readonly keywords: readonly Keyword[];
  private searcher: KeywordSearch | undefined;
  private readonly fileRules: readonly FileRule[];
  private readonly placeRules: readonly PlaceRule[];
  /**
   * By keyword id, the indexes (into compiled) of the patterns it gates; and by index, each
   * pattern's paths. Plain arrays for candidates(), whose loop runs once per keyword hit: objects
   * whose field holds a RegExp in some and null in others change hidden class as V8 learns it, and
   * each change throws its optimised code away.
   */
  private readonly gated: readonly (readonly number[])[];
  private readonly pathsOf: readonly (RegExp | null)[];
  /** By index into compiled, a table by keyword id: 1 where the keyword gates that pattern. */
  private readonly gates: readonly Uint8Array[];
  /** By index into compiled, its follow tables (plain arrays, as pathsOf); by keyword id, its length. */
  private readonly follows: readonly (readonly FollowTable[])[];
  private readonly lengths: readonly number[];

  constructor(rules: readonly Rule[]) {
    this.rules = rules;
    this.fileRules = rules.filter((r): r is FileRule => r.kind === 'file');
    this.placeRules = rules.filter((r): r is PlaceRule => r.kind === 'place');
    const ids = new Map<string, number>();
    this.compiled = rules
      .filter(isContent)
      .flatMap((rule) => patternsOf(rule).map(({ keywords, pattern, paths, followedBy }) => {
        if (!pattern.global && !pattern.sticky) throw new Error(`rule ${rule.id}: pattern needs the g or the y flag`);
        if (keywords.length === 0) throw new Error(`rule ${rule.id}: pattern needs keywords`);
        // A pattern that ignores case is gated by its keywords in any case.
        const keywordIds = keywords.map((text) => {
          const key = `${pattern.ignoreCase ? 'i' : 's'}${text}`;
          let id = ids.get(key);
          if (id === undefined) ids.set(key, (id = ids.size));
          return id;
        });
        return { rule, pattern, keywordIds, paths: paths ?? null, follow: followTables(followedBy ?? [], pattern.flags) };
      }));
    this.keywords = [...ids.keys()].map((key) => ({ text: key.slice(1), fold: key[0] === 'i' }));
    this.gated = this.keywords.map((_, id) => this.compiled.flatMap((c, i) => (c.keywordIds.includes(id) ? [i] : [])));
    this.pathsOf = this.compiled.map((c) => c.paths);
    this.follows = this.compiled.map((c) => c.follow);
    this.lengths = this.keywords.map((k) => k.text.length);
    this.gates = this.compiled.map((c) => {
      const gates = new Uint8Array(this.keywords.length);
      for (const id of c.keywordIds) gates[id] = 1;
      return gates;
    });
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
    hits ??= this.hitsIn(bytes, [bytes.length], [chunk.path])[0]?.[1];
    if (hits === undefined) return [];
    const present = new Uint8Array(this.keywords.length);
    for (const id of hits.ids) present[id] = 1;
    // Made, with the decoded text, for the first pattern that runs.
    let found: Findings | undefined;
    for (let i = 0; i < this.compiled.length; i++) {
      const { rule, pattern: re, keywordIds, paths } = this.compiled[i]!;
      if (!anyOf(keywordIds, present)) continue;
      if (paths && !paths.test(chunk.path)) continue;
      found ??= new Findings(chunk, typeof chunk.content === 'string' ? chunk.content : decode(bytes), this.placeRules);
      const text = found.text;
      // Built client output: generic rules stay out (key findings become the place rule's).
      if (rule.fallback && found.place !== null) continue;
      if (re.sticky) {
        // Anchored: tried where each of its keywords occurs, and not again inside a secret it found.
        let from = 0;
        const offsets = textOffsets(bytes, text, startsOf(hits, this.gates[i]!));
        for (let j = 0; j < offsets.length; j++) {
          const at = offsets[j]!;
          if (at < from) continue;
          re.lastIndex = at;
          const m = re.exec(text);
          // Where the match ends (a sticky match sets lastIndex there).
          const end = re.lastIndex;
          if (m === null || end === at) continue;
          if (found.consider(rule, m)) from = end;
        }
        continue;
      }
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        // A rejected match may hide one that starts inside it (<add key="ApiKey" value="...">).
        if (!found.consider(rule, m)) re.lastIndex = m.index + 1;
      }
    }
    return found ? found.result() : [];
  }

  /**
   * The keyword search over many files at once: `bytes` holds files back to back, file i ending
   * (exclusive) at `ends[i]`, with a separator byte that no keyword contains (a newline) between
   * them. Returns the files that hold a keyword of a pattern that takes their path (by index, in
   * order), each with those keywords' hits (offsets relative to the file).
   */
  candidates(bytes: Buffer, ends: readonly number[], paths: readonly string[]): [number, Hits][] {
    // Windows come by the many, which repays spreading the search's buckets well.
    this.search.spread();
    return this.hitsIn(bytes, ends, paths);
  }

  /** The keyword hits that count (see candidates), by file. */
  private hitsIn(bytes: Uint8Array, ends: readonly number[], paths: readonly string[]): [number, Hits][] {
    const all = this.search.find(bytes, noHits());
    const out: [number, Hits][] = [];
    let file = -1;
    let start = 0;
    let path = '';
    let hits: Hits | null = null;
    // Per file, whether each pattern takes its path: 0 not asked yet, 1 yes, 2 no.
    const takes = new Uint8Array(this.compiled.length);
    for (let k = 0; k < all.ids.length; k++) {
      const at = all.at[k]!;
      // Hits come in order of position, so files in order too.
      if (file === -1 || at >= ends[file]!) {
        const f = upperBound(ends, at);
        if (f >= ends.length) continue;
        file = f;
        start = f === 0 ? 0 : ends[f - 1]! + 1;
        path = paths[f]!;
        hits = null;
        takes.fill(0);
      }
      const id = all.ids[k]!;
      if (!this.counts(id, bytes, at, ends[file]!, path, takes)) continue;
      if (hits === null) out.push([file, (hits = noHits())]);
      hits.ids.push(id);
      hits.at.push(at - start);
    }
    return out;
  }

  /**
   * Whether the hit of keyword `id` at `at` counts for a pattern it gates: one that takes `path`
   * (answers kept in `takes`, see candidates) and whose FollowedBy holds in the bytes before `end`.
   */
  private counts(id: number, bytes: Uint8Array, at: number, end: number, path: string, takes: Uint8Array): boolean {
    const after = at + this.lengths[id]!;
    for (const i of this.gated[id]!) {
      const only = this.pathsOf[i]!;
      if (only !== null) {
        if (takes[i] === 0) takes[i] = only.test(path) ? 1 : 2;
        if (takes[i] === 2) continue;
      }
      if (followed(this.follows[i]!, bytes, after, end)) return true;
    }
    return false;
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
export const patternsOf = (rule: ContentRule): PatternSpec[] => [{ keywords: rule.keywords, pattern: rule.pattern, ...(rule.followedBy ? { followedBy: rule.followedBy } : {}) }, ...(rule.variants ?? [])];

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

/** The findings of one chunk, made as its matches are judged. */
class Findings {
  private readonly list: Finding[] = [];
  /** Where each finding sits, to drop those of fallback rules that overlap the others'. */
  private readonly spans: Span[] = [];
  private lines: LineIndex | undefined;
  /** The place rule that takes the chunk's file (built client output), null for none; undefined until asked. */
  private placeRule: PlaceRule | null | undefined;

  constructor(
    private readonly chunk: Chunk,
    readonly text: string,
    private readonly placeRules: readonly PlaceRule[],
  ) {}

  /** The place rule that takes the chunk's file, if any: looked up once, when first asked. */
  get place(): PlaceRule | null {
    if (this.placeRule === undefined) {
      const { chunk } = this;
      this.placeRule = this.placeRules.find((p) => p.takes(chunk.path, () => chunk.frameworks ?? [])) ?? null;
    }
    return this.placeRule;
  }

  /** Judges one match and records its finding; false when the match is no secret. */
  consider(rule: ContentRule, m: RegExpExecArray): boolean {
    const { chunk, text } = this;
    const secret = m.groups?.secret ?? m[0];
    const start = m.index + (m.groups?.secret === undefined ? 0 : m[0].indexOf(secret));
    const end = start + secret.length;
    const verdict = isPlaceholder(secret, rule.minEntropy) ? null : rule.judge ? rule.judge(new Match(secret, m, text, start, end, chunk)) : {};
    if (verdict === null) return false;
    const lines = (this.lines ??= new LineIndex(text));
    if (lines.allows(start)) return true;
    const [line, column] = lines.position(start);
    const [endLine, endColumn] = lines.position(end);
    this.spans.push({ start, end, fallback: rule.fallback === true });
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
    const place = rule.key ? this.place : null;
    this.list.push(place ? restated(place, finding) : finding);
    return true;
  }

  /** The findings, without those of fallback rules that other rules' findings cover. */
  result(): Finding[] {
    return this.spans.some((s) => s.fallback) ? dropCovered(this.list, this.spans) : this.list;
  }
}

/** A match as a rule's judge sees it: the chunk's frameworks are looked up only if the judge asks. */
class Match implements Candidate {
  constructor(
    readonly secret: string,
    readonly match: RegExpExecArray,
    readonly text: string,
    readonly start: number,
    readonly end: number,
    private readonly chunk: Chunk,
  ) {}

  get path(): string {
    return this.chunk.path;
  }

  get frameworks(): readonly Framework[] {
    return this.chunk.frameworks ?? [];
  }
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
  // The other rules' spans by start, with the furthest end of each and those before it: a span
  // overlaps one of them when one starts before it ends and the furthest end so far passes its
  // start (a search per finding, not a pass over all of them: a file may hold thousands).
  const others = spans.filter((t) => !t.fallback).sort((a, b) => a.start - b.start);
  const starts = others.map((t) => t.start);
  const furthest: number[] = [];
  for (const t of others) furthest.push(Math.max(t.end, furthest[furthest.length - 1] ?? 0));
  const seen = new Set<string>();
  return findings.filter((f, i) => {
    const s = spans[i]!;
    if (!s.fallback) return true;
    const key = `${f.ruleId}\0${s.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    // How many of the others start before s ends (offsets are whole numbers).
    const before = upperBound(starts, s.end - 1);
    return !(before > 0 && furthest[before - 1]! > s.start);
  });
}

/** A Buffer view of the same bytes (no copy). */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Bytes as UTF-8 text (invalid sequences become U+FFFD); ASCII as latin1, the same text at the cost of a copy. */
const decode = (bytes: Uint8Array): string => asBuffer(bytes).toString(isAscii(bytes) ? 'latin1' : 'utf8');

/** Whether any of `ids` is marked in `present`. */
function anyOf(ids: readonly number[], present: Uint8Array): boolean {
  for (const id of ids) if (present[id] === 1) return true;
  return false;
}

/** Where the keywords marked in `gates` occur, in ascending order. */
function startsOf(hits: Hits, gates: Uint8Array): number[] {
  const out: number[] = [];
  for (let k = 0; k < hits.ids.length; k++) {
    if (gates[hits.ids[k]!] !== 1) continue;
    // Inserted in place: hits come nearly in order already (of where their anchors sit).
    const at = hits.at[k]!;
    let j = out.length;
    out.push(at);
    for (; j > 0 && out[j - 1]! > at; j--) out[j] = out[j - 1]!;
    out[j] = at;
  }
  return out;
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
  const out: number[] = [];
  let byte = 0;
  let unit = 0;
  for (const at of offsets) {
    unit += buf.toString('utf8', byte, at).length;
    byte = at;
    out.push(unit);
  }
  return out;
}

/** One step of a FollowedBy: per byte, whether it may be skipped or come next (beyond ASCII: ANY); the skips allowed. */
interface FollowTable {
  readonly table: Uint8Array;
  readonly max: number;
}
const SKIP = 1;
const NEXT = 2;
const ANY = 4;

/** A FollowedBy as tables (see FollowTable); none: no steps. */
function followTables(steps: FollowedBy, flags: string): FollowTable[] {
  const classOf = (source: string): RegExp => new RegExp(`^${source}$`, flags.replace(/[gy]/g, ''));
  return steps.map(({ skip, max, next }) => {
    const table = new Uint8Array(256).fill(ANY);
    const skips = skip === undefined ? null : classOf(skip);
    const nexts = classOf(next);
    for (let b = 0; b < 0x80; b++) {
      const c = String.fromCharCode(b);
      table[b] = (skips?.test(c) ? SKIP : 0) | (nexts.test(c) ? NEXT : 0);
      if (table[b] === (SKIP | NEXT)) throw new Error(`followedBy: ${JSON.stringify(c)} both in ${skip} and in ${next}`);
    }
    return { table, max: max ?? Infinity };
  });
}

/** Whether the bytes from `at` (up to `end`) may follow a keyword, step by step (see FollowedBy). */
function followed(steps: readonly FollowTable[], bytes: Uint8Array, at: number, end: number): boolean {
  let p = at;
  for (let s = 0; s < steps.length; s++) {
    const { table, max } = steps[s]!;
    for (let n = 0; ; p++, n++) {
      if (p >= end) return true;
      const c = table[bytes[p]!]!;
      if (c === NEXT) break;
      if (c === ANY) return true;
      if (c === 0 || n === max) return false;
    }
    p++;
  }
  return true;
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
  private readonly allowed = new Map<number, boolean>();
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 0-based line (relative to the chunk) and 1-based column of an offset. */
  position(offset: number): [number, number] {
    const line = this.lineOf(offset);
    return [line, offset - this.starts[line]! + 1];
  }

  /** Whether the line holding `offset` holds the allow marker: read once per line (a minified file's one line may hold thousands of matches). */
  allows(offset: number): boolean {
    const line = this.lineOf(offset);
    let yes = this.allowed.get(line);
    if (yes === undefined) this.allowed.set(line, (yes = this.text.slice(this.starts[line], this.starts[line + 1] ?? this.text.length).includes(ALLOW_MARKER)));
    return yes;
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
