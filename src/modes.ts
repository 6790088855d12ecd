// The scan modes: each lists what to read (a source), scans it (scan or the engine), and shapes the
// result. No output and no exit codes here: that is the CLI's.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RULES } from '../rules/index.js';
import { loadBaseline } from './baseline.js';
import type { ScanPlan } from './ci.js';
import { isDotenv } from './dotenv.js';
import { Engine, fingerprint } from './engine.js';
import type { Hits } from './keywords.js';
import { cmp, emptyBatch, mergeBatch, scanFiles, type ScanFilesOptions, selectRules, sortFindings, windowPool } from './scan.js';
import { gitWithInput, isRepository, workTreeRoot } from './sources/git.js';
import { isBinary } from './sources/files.js';
import { arrivals, historyBlobs, isShallow } from './sources/history.js';
import { projectChunk, Projects } from './sources/projects.js';
import { stagedChanges } from './sources/staged.js';
import { listWorktree } from './sources/worktree.js';
import type { Finding, ScanError, ScanResult, Skipped } from './types.js';
import { Window } from './window.js';

/**
 * The work tree holding `cwd`, found by looking for `.git` upwards: enough to locate the baseline
 * without another git process on the pre-commit path (git runs hooks at the top of the work tree).
 */
function enclosingWorkTree(cwd: string): string | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** Passes each batch to `see` on its way through. */
function* tap<T>(items: Iterable<T>, see: (item: T) => void): Generator<T> {
  for (const item of items) {
    see(item);
    yield item;
  }
}

const byFile = <T extends { file: string }>(a: T, b: T): number => cmp(a.file, b.file);

/** Drops the findings that the baseline of `root` accepts; counts them. */
function baselined(findings: Finding[], root: string | null, counter: { baselined?: number }): Finding[] {
  if (root === null) return findings;
  const accepted = loadBaseline(root);
  if (accepted.size === 0) return findings;
  const kept = findings.filter((f) => !accepted.has(f.fingerprint));
  if (kept.length < findings.length) counter.baselined = (counter.baselined ?? 0) + findings.length - kept.length;
  return kept;
}

/** The rules whose findings in a git-ignored file are reported (the others only help them: key rules, restated). */
const speaksForIgnored = (ruleId: string): boolean => ruleId === 'client-bundle-secret' || ruleId === 'public-env-secret';

/** The rules that read ignored client output: the key rules, and the place rule that restates their findings. */
const CLIENT_OUTPUT_RULES = RULES.filter((r) => r.kind === 'place' || ('key' in r && r.key === true)).map((r) => r.id);

/** The working-tree sweep of one or more paths (directories or files). */
export async function sweep(targets: readonly string[], opts: ScanFilesOptions): Promise<ScanResult> {
  const started = performance.now();
  const total = emptyBatch();
  const counter: { baselined?: number } = {};
  const files = new Engine(selectRules(opts.ruleIds));
  const notes: string[] = [];
  /** Files already listed by an earlier target (`scan . src` reads src once). */
  const seen = new Set<string>();
  for (const target of targets) {
    const list = await listWorktree(target);
    const unseen = (paths: string[]): string[] => (targets.length === 1 ? paths : paths.filter((p) => !seen.has(`${list.root}\0${p}`) && seen.add(`${list.root}\0${p}`)));
    const fresh = (function* () {
      for (const batch of list.batches) {
        const files = unseen(batch);
        if (files.length > 0) yield files;
      }
    })();
    // File rules need names and git status only: judge each listed path as it passes to the readers.
    const fileFindings: Finding[] = [];
    let dotenvOutsideGit = 0;
    const judged = tap(fresh, (paths) => {
      for (const path of paths) {
        if (list.git) {
          const tracked = list.tracked?.(path);
          fileFindings.push(...files.checkFile({ path, mode: 'worktree', ...(tracked === undefined ? {} : { tracked }) }));
        } else if (isDotenv(path)) dotenvOutsideGit++;
      }
    });
    const batch = await scanFiles(list.root, judged, opts);
    batch.findings.push(...fileFindings);
    if (list.ignored) {
      // What git ignores and gets deployed or built all the same, each for the rules that concern it.
      const ignored = await list.ignored;
      batch.errors.push(...ignored.errors);
      for (const [paths, ruleIds] of [
        [ignored.clientOutput, CLIENT_OUTPUT_RULES],
        [ignored.dotenv, ['public-env-secret']],
      ] as const) {
        const chosen = ruleIds.filter((id) => !opts.ruleIds || opts.ruleIds.includes(id));
        const files = unseen(paths);
        if (files.length > 0 && chosen.some(speaksForIgnored)) {
          const found = await scanFiles(list.root, [files], { ...opts, ruleIds: chosen });
          // An ignored file speaks only through these rules: a server's dist/ is not client output.
          found.findings = found.findings.filter((f) => speaksForIgnored(f.ruleId));
          mergeBatch(batch, found);
        }
      }
    }
    if (dotenvOutsideGit > 0) {
      notes.push(
        `${dotenvOutsideGit} dotenv file${dotenvOutsideGit === 1 ? '' : 's'} under ${target}, which is not in a git repository: whether git would ignore ${dotenvOutsideGit === 1 ? 'it' : 'them'} cannot be judged here (their contents were scanned)`,
      );
    }
    if (!opts.ignoreBaseline) batch.findings = baselined(batch.findings, list.root, counter);
    mergeBatch(total, batch);
    total.errors.push(...list.errors);
  }
  return {
    mode: 'worktree',
    ...(notes.length ? { notes } : {}),
    findings: sortFindings(total.findings),
    errors: total.errors.sort(byFile),
    skipped: total.skipped.sort(byFile),
    stats: { files: total.files, bytes: total.bytes, skipped: total.skippedCount, ...counter, durationMs: Math.round(performance.now() - started) },
  };
}

export class NotAGitRepository extends Error {}

/** The pre-commit scan: the lines the index adds to HEAD, limited to `pathspecs` when given. */
export async function scanStaged(cwd: string, pathspecs: readonly string[], ruleIds?: readonly string[]): Promise<ScanResult> {
  const started = performance.now();
  // One git process on the way to a commit: the repository check runs only to explain a failure.
  const staged = await stagedChanges(cwd, pathspecs).catch(async (err: unknown) => {
    if ((await workTreeRoot(cwd).catch(() => null)) === null) {
      throw new NotAGitRepository(`not inside a git work tree: ${cwd} (--staged reads the index)`);
    }
    throw err;
  });
  const engine = new Engine(selectRules(ruleIds));
  const counter: { baselined?: number } = {};
  const top = enclosingWorkTree(cwd);
  const projects = top === null ? null : new Projects(top);
  const findings = baselined(
    [
      // Hunks carry context for the rules that judge by nearby words; only added lines count.
      ...staged.chunks.flatMap(({ chunk, added }) =>
        engine.scan(projectChunk(chunk.path, chunk.content, projects, chunk.line)).filter((f) => added.has(f.line!)),
      ),
      ...staged.changed.flatMap((path) => engine.checkFile({ path, mode: 'staged' })),
    ],
    top,
    counter,
  );
  return {
    mode: 'staged',
    findings: sortFindings(findings),
    errors: [],
    skipped: staged.binary.map((file) => ({ file, reason: 'binary' })),
    stats: {
      files: staged.files.length,
      bytes: staged.chunks.reduce((n, c) => n + Buffer.byteLength(c.chunk.content as string), 0),
      skipped: staged.binary.length,
      ...counter,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

export interface HistoryOptions {
  /** rev-list arguments: `--all` (less stashes unless asked), `A..B`, `REV..HEAD`. */
  readonly revs: readonly string[];
  readonly maxFileSize: number;
  /** Count a shallow clone as an incomplete scan (a whole-history sweep); a range checks its ends instead. */
  readonly wholeHistory: boolean;
  /** Rule ids to run; all built-in rules when absent. */
  readonly ruleIds?: readonly string[];
}

/**
 * The history sweep: every distinct blob once, then (only when something was found) the log, to
 * attribute each secret to the first commit that brought it to its path. The same secret in the same
 * path is one finding, at its first commit, with the count of later commits that brought it again.
 */
export async function scanHistory(cwd: string, opts: HistoryOptions): Promise<ScanResult> {
  const started = performance.now();
  if (!(await isRepository(cwd))) throw new NotAGitRepository(`not inside a git repository: ${cwd} (--history reads its commits)`);
  const engine = new Engine(selectRules(opts.ruleIds));
  const byBlob = new Map<string, Finding[]>();
  const errors: ScanError[] = [];
  const skipped: Skipped[] = [];
  const stats: ScanResult['stats'] = { files: 0, bytes: 0, skipped: 0, durationMs: 0 };
  let missing = 0;
  let sawDotenv = false;
  type Blob = { id: string; path: string };
  const window = new Window<Blob>();
  const record = (blob: Blob, found: Finding[]): void => {
    if (found.length > 0) byBlob.set(blob.id, found);
  };
  // Which code is client code follows from today's package.json files (history has no other view of them).
  const top = await workTreeRoot(cwd).catch(() => null);
  const projects = top === null ? null : new Projects(top);
  const scanHere = (blob: Blob, content: Buffer, hits?: Hits): void =>
    record(blob, engine.scan(projectChunk(blob.path, content, projects), hits));
  // Reading git's output is this thread's job; the keyword search and the rules run on worker threads,
  // a bounded number of windows at a time, so that git never waits long on a full pipe.
  const pool = await windowPool(opts.ruleIds, top ?? '');
  const inFlight: Promise<void>[] = [];
  const dispatch = async (): Promise<void> => {
    if (window.empty) return;
    if (!pool) return window.flush(engine, scanHere);
    const packet = window.take();
    inFlight.push(
      pool.scanWindow(packet).then((reply) => {
        for (const [blob, found] of reply.found) record(blob, found);
        window.recycle(reply.bytes);
      }),
    );
    if (inFlight.length > 2 * pool.size) await inFlight.shift();
  };
  try {
    for await (const o of historyBlobs(cwd, opts.revs, opts.maxFileSize)) {
      if (o.kind === 'missing') {
        missing++;
      } else if (o.kind === 'large') {
        stats.skipped++;
        skipped.push({ file: o.path, reason: `blob ${o.id.slice(0, 12)} larger than --max-file-size (${o.size} > ${opts.maxFileSize} bytes)` });
      } else if (isBinary(o.content)) {
        stats.skipped++;
      } else {
        stats.files++;
        stats.bytes += o.content.length;
        if (isDotenv(o.path)) sawDotenv = true;
        const blob = { id: o.id, path: o.path };
        if (o.content.length > window.free) await dispatch();
        if (!window.add(blob, o.content)) scanHere(blob, o.content);
      }
    }
    await dispatch();
    await Promise.all(inFlight);
  } finally {
    await pool?.finish().catch(() => undefined);
  }
  if (missing > 0) {
    errors.push({
      file: '(history)',
      message: `${missing} object${missing === 1 ? ' is' : 's are'} missing (a partial clone?) and not scanned: fetch them (git fetch --refetch, or a full clone) to scan all history`,
    });
  }
  if (opts.wholeHistory && (await isShallow(cwd))) {
    errors.push({
      file: '(history)',
      message: 'shallow clone: commits before the shallow boundary are not there to scan; fetch the whole history (git fetch --unshallow, or fetch-depth: 0 with actions/checkout)',
    });
  }
  // The log is read only when something needs a commit: findings, or a dotenv file in history.
  const findings = byBlob.size > 0 || sawDotenv ? baselined(await attribute(cwd, opts.revs, byBlob, engine), top, stats) : [];
  stats.durationMs = Math.round(performance.now() - started);
  return { mode: 'history', findings: sortFindings(findings), errors, skipped: skipped.sort(byFile), stats };
}

async function attribute(cwd: string, revs: readonly string[], byBlob: Map<string, Finding[]>, engine: Engine): Promise<Finding[]> {
  const first = new Map<string, { finding: Finding; lastCommit: string; later: number }>();
  const placed = new Set<string>();
  const fileFindings = new Map<string, Finding[]>();
  for await (const a of arrivals(cwd, revs, new Set(byBlob.keys()), isDotenv)) {
    // File rules: once per path, at the first commit that brought a file there.
    if (isDotenv(a.path) && !fileFindings.has(a.path)) {
      fileFindings.set(
        a.path,
        engine.checkFile({ path: a.path, mode: 'history', commit: a.commit }).map((f) => ({ ...f, author: a.author, date: a.date })),
      );
    }
    placed.add(a.blob);
    for (const f of byBlob.get(a.blob) ?? []) {
      const key = `${f.ruleId}\0${a.path}\0${f.secret}`;
      const seen = first.get(key);
      if (!seen) {
        const finding = { ...f, file: a.path, commit: a.commit, author: a.author, date: a.date, fingerprint: fingerprint(f.ruleId, a.path, f.secret ?? '') };
        first.set(key, { finding, lastCommit: a.commit, later: 0 });
      } else if (seen.lastCommit !== a.commit) {
        seen.lastCommit = a.commit;
        seen.later++;
      }
    }
  }
  const out: Finding[] = [...first.values()].map(({ finding, later }) => ({ ...finding, laterCommits: later }));
  for (const found of fileFindings.values()) out.push(...found);
  // Blobs reachable only without a commit that adds them (a tagged blob): report them where found.
  for (const [blob, found] of byBlob) if (!placed.has(blob)) out.push(...found);
  return out;
}

/**
 * A planned scan (CI, pre-push): the commits of the plan, after checking that the commits it needs
 * are in the clone; a missing base is an error that says how to fetch it, never a smaller scan.
 */
export async function scanPlanned(cwd: string, plan: ScanPlan, maxFileSize: number): Promise<ScanResult> {
  if (!(await isRepository(cwd))) throw new NotAGitRepository(`not inside a git repository: ${cwd}`);
  if (plan.revs.length === 0) {
    return { mode: 'history', findings: [], errors: [], skipped: [], stats: { files: 0, bytes: 0, skipped: 0, durationMs: 0 } };
  }
  const missing = await missingCommits(cwd, plan.needs);
  if (missing.length > 0 && plan.fallback) return scanPlanned(cwd, plan.fallback, maxFileSize);
  if (missing.length > 0) {
    return {
      mode: 'history',
      findings: [],
      errors: missing.map((sha) => ({
        file: '(history)',
        message: `commit ${sha} is not in this clone (a shallow checkout?), so the ${plan.source} cannot be scanned: ${plan.deepen}`,
      })),
      skipped: [],
      stats: { files: 0, bytes: 0, skipped: 0, durationMs: 0 },
    };
  }
  const revs = [...plan.revs];
  const notes: string[] = plan.note ? [plan.note] : [];
  if (plan.exclude) {
    // A new branch: leave out what the default branch already holds, when the clone has it.
    if ((await missingCommits(cwd, [plan.exclude])).length === 0) revs.push(`^${plan.exclude}`);
    else notes.push(`${plan.exclude} is not in this clone, so it cannot be subtracted: scanning every commit of ${revs[0]}`);
  }
  // Without a lower bound the scan is of a whole history, which a shallow clone cuts short.
  const bounded = revs.some((r) => r.includes('..') || r.startsWith('^') || r === '--not');
  const result = await scanHistory(cwd, { revs, maxFileSize, wholeHistory: !bounded });
  return notes.length ? { ...result, notes: [...(result.notes ?? []), ...notes] } : result;
}


/** Which of `revs` name no commit in the repository. */
export async function missingCommits(cwd: string, revs: readonly string[]): Promise<string[]> {
  if (revs.length === 0) return [];
  const out = await gitWithInput(['cat-file', '--batch-check=%(objecttype)'], cwd, revs.map((r) => `${r}^{commit}`).join('\n') + '\n');
  const answers = out.split('\n');
  return revs.filter((_, i) => answers[i] !== 'commit');
}
