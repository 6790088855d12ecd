// The shared vocabulary of leakgate: what sources produce (Chunk), what detectors are (Rule),
// and what the engine reports (Finding). Types only; no behaviour and no I/O.

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/**
 * How sure a rule is that a finding is a live secret. Key rules match shapes that only real keys
 * have (high); rules that judge by context (a literal assigned to a name that means "secret") are
 * less sure, and users choose the lowest confidence they want reported (`--confidence`).
 */
export type Confidence = 'high' | 'medium' | 'low';

export const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** A piece of one file's content, with the coordinates needed to place findings in it. */
export interface Chunk {
  /** Repository-relative POSIX path (relative to the scan root outside a git repository). */
  readonly path: string;
  /**
   * The content: raw bytes as read (decoded as UTF-8 only when a keyword is present),
   * or text already decoded (e.g. added lines from a diff).
   */
  readonly content: Uint8Array | string;
  /** 1-based line number, within the file, of the first character of `content`. */
  readonly line: number;
  /** Commit that holds this content, when it comes from git history. */
  readonly commit?: string;
  /** The frameworks named by the package.json of the project that holds the file (the nearest one); absent when unknown. */
  readonly frameworks?: readonly Framework[];
}

/** One candidate secret that a rule's pattern matched, as handed to the rule's judge. */
export interface Candidate {
  /** The secret itself (the `secret` group of the pattern, or the whole match). */
  readonly secret: string;
  /** The whole regex match. */
  readonly match: RegExpExecArray;
  /** The decoded text of the chunk. */
  readonly text: string;
  /** 0-based UTF-16 offsets of the secret within `text` (end exclusive). */
  readonly start: number;
  readonly end: number;
  /** The chunk's path (repository-relative POSIX). */
  readonly path: string;
  /** The frameworks of the project that holds the file (its nearest package.json); empty when unknown. */
  readonly frameworks: readonly Framework[];
}

/** A web or app framework, as a project's package.json names it (which code is client code follows from it); 'node': none. */
export type Framework = 'next' | 'vite' | 'cra' | 'sveltekit' | 'svelte' | 'vue' | 'nuxt' | 'astro' | 'gatsby' | 'expo' | 'react-native' | 'react' | 'node';

/** What a judge may say about a candidate it keeps: overrides of the rule's defaults. */
export interface Judgement {
  readonly severity?: Severity;
  /** How sure the rule is (high when absent). */
  readonly confidence?: Confidence;
  /** Replaces the rule's message (what was found and why it matters). */
  readonly message?: string;
  /** Replaces the rule's fix. */
  readonly fix?: string;
  /**
   * What the finding reports as its secret, when not the match: another text (the value assigned
   * to the name the rule matched), or null for none (the match is a name or a call, not a secret).
   */
  readonly secret?: string | null;
}

/**
 * A pattern and the keywords that gate it: it runs only on content that holds one of them (in any
 * letter case when the pattern has the i flag). With the g flag it runs over the whole text; with
 * the y flag (sticky) it is anchored, tried only where one of its keywords starts, which is what
 * keeps a pattern cheap whose keywords are common words (and `followedBy` says where in the raw
 * bytes an occurrence may start a match at all). An anchored pattern is tried at every one of
 * its keywords, so its repetitions must be bounded (a run of words read to its end from each word
 * is quadratic). `paths`: it runs only on files whose path matches.
 */
export interface PatternSpec {
  readonly keywords: readonly string[];
  readonly pattern: RegExp;
  readonly paths?: RegExp;
  readonly followedBy?: FollowedBy;
}

/**
 * What must follow a keyword in the raw bytes for its occurrence to count, checked before any
 * decoding, so that a common word costs nothing where no finding can start: steps in turn, each at
 * most `max` bytes (default: no limit) of the class `skip` (default: none), then one byte of the
 * class `next`. Classes are regex character classes, read with the pattern's flags; a step's two
 * classes share no character. It must hold wherever the rule reports a finding (a necessary
 * condition, never a sufficient one); a byte beyond ASCII, or the end of the chunk, ends the check
 * in the occurrence's favour.
 */
export type FollowedBy = readonly FollowStep[];

export interface FollowStep {
  readonly skip?: string;
  readonly max?: number;
  readonly next: string;
}

/**
 * A content detector. Rules are data plus pure functions: they never do I/O and never await.
 * The engine runs `pattern` only on chunks that contain one of `keywords` (byte-exact, case-sensitive).
 */
export interface ContentRule {
  readonly kind?: 'content';
  /** Kebab-case noun; also the file name, test name, doc page and SARIF ruleId. */
  readonly id: string;
  /** One line: what the rule finds. */
  readonly description: string;
  /** Default severity of its findings. */
  readonly severity: Severity;
  /** Literal strings, at least one of which must occur in a chunk for the pattern to run. */
  readonly keywords: readonly string[];
  /** A global (`g`) regex; a named group `secret` marks the secret, else the whole match is it. */
  readonly pattern: RegExp;
  /** What must follow its keywords (see FollowedBy). */
  readonly followedBy?: FollowedBy;
  /** Further patterns, each gated by its own keywords (or paths) and judged like `pattern`. */
  readonly variants?: readonly PatternSpec[];
  /**
   * A generic rule: its finding is dropped where another rule reports a secret that overlaps it
   * (a key assigned to `apiKey` is reported once, by the rule that knows the key's vendor).
   */
  readonly fallback?: boolean;
  /** Minimum Shannon entropy (bits per character) of the secret; lower is taken for a placeholder. */
  readonly minEntropy?: number;
  /** Context and shape checks on one candidate: null drops it, a Judgement keeps it (with overrides). */
  readonly judge?: (candidate: Candidate) => Judgement | null;
  /**
   * A key rule: it knows one vendor's keys by their shape, so its findings are sure. Key rules alone
   * (with rules that need no context, not `fallback`) run in built client output, and a place rule
   * (client-bundle-secret) takes over their findings there.
   */
  readonly key?: boolean;
  /** What was found and why it matters. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

/**
 * A rule about where a key sits: in the files it takes (built client output), the key rules'
 * findings become its own, with its severity and a message that says where the key goes, and the
 * generic (`fallback`) rules do not run. Pure, like every rule.
 */
export interface PlaceRule {
  readonly kind: 'place';
  readonly id: string;
  readonly description: string;
  readonly severity: Severity;
  /**
   * Whether the file at this repository-relative POSIX path is one this rule takes; `frameworks`
   * gives those of its project, when known (asked only where the path alone cannot tell).
   */
  readonly takes: (path: string, frameworks: () => readonly Framework[]) => boolean;
  /** The key rule's finding, restated for this place (its message and fix are the key's own). */
  readonly restate: (finding: Finding) => Judgement;
  readonly message: string;
  readonly fix: string;
}

/** What a file rule knows of a file: where it is and what git says of it. No content. */
export interface FileFacts {
  /** Repository-relative POSIX path. */
  readonly path: string;
  /** The scan: a sweep sees the work tree, staged a change about to be committed, history a commit. */
  readonly mode: ScanMode;
  /** Whether git tracks the file (a sweep inside git); undefined outside git or where it does not apply. */
  readonly tracked?: boolean;
  readonly commit?: string;
}

/** A detector of files by name and git status (a tracked .env, say), whatever they contain. */
export interface FileRule {
  readonly kind: 'file';
  readonly id: string;
  readonly description: string;
  readonly severity: Severity;
  /** null: not a finding; a Judgement: a finding (with overrides). Pure. */
  readonly check: (facts: FileFacts) => Judgement | null;
  readonly message: string;
  readonly fix: string;
}

export type Rule = ContentRule | FileRule | PlaceRule;

/**
 * One reported secret, or a file that is itself the problem (a file-level finding: no position and no
 * secret). Positions are 1-based; columns count UTF-16 code units; end is exclusive.
 */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** Repository-relative POSIX path. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  /** Column just after the last character of the secret (SARIF convention). */
  readonly endColumn?: number;
  readonly commit?: string;
  readonly author?: string;
  readonly date?: string;
  /** History: later commits that brought the same secret to the same path again. */
  readonly laterCommits?: number;
  readonly message: string;
  readonly fix: string;
  /** How sure the rule is; absent means high. */
  readonly confidence?: Confidence;
  /** The full secret (absent for a file-level finding). Reporters mask it unless asked otherwise; never log it. */
  readonly secret?: string;
  /** Stable identity for baselines: rule id, path and a hash of the secret; survives moved lines. */
  readonly fingerprint: string;
}

/** A file that could not be scanned; any error makes the scan incomplete (exit code 2). */
export interface ScanError {
  readonly file: string;
  readonly message: string;
}

/** A file deliberately not scanned (too large), listed so that nobody mistakes it for clean. */
export interface Skipped {
  readonly file: string;
  readonly reason: string;
}

export type ScanMode = 'worktree' | 'staged' | 'history';

export interface ScanStats {
  /** Files whose content was scanned. */
  files: number;
  /** Bytes of content scanned. */
  bytes: number;
  /** Files passed over: binary, too large, links, not regular files. */
  skipped: number;
  /** Findings left out because the baseline (.leakgate-baseline.json) accepts them; absent when none. */
  baselined?: number;
  durationMs: number;
}

export interface ScanResult {
  readonly mode: ScanMode;
  /** What the scan could not judge and wants the reader to know (not errors: the exit code ignores them). */
  readonly notes?: string[];
  readonly findings: Finding[];
  readonly errors: ScanError[];
  readonly skipped: Skipped[];
  readonly stats: ScanStats;
}
