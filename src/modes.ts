// The scan modes: each lists what to read (a source), scans it (scan or the engine), and shapes the
// result. No output and no exit codes here: that is the CLI's.

import { performance } from 'node:perf_hooks';
import { RULES } from '../rules/index.js';
import { Engine } from './engine.js';
import { emptyBatch, mergeBatch, scanFiles, type ScanFilesOptions, sortFindings } from './scan.js';
import { workTreeRoot } from './sources/git.js';
import { stagedChanges } from './sources/staged.js';
import { listWorktree } from './sources/worktree.js';
import type { ScanResult } from './types.js';

const byFile = <T extends { file: string }>(a: T, b: T): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** The working-tree sweep of one or more paths (directories or files). */
export async function sweep(targets: readonly string[], opts: ScanFilesOptions): Promise<ScanResult> {
  const started = performance.now();
  const total = emptyBatch();
  for (const target of targets) {
    const list = await listWorktree(target);
    mergeBatch(total, await scanFiles(list.root, list.batches, opts));
    total.errors.push(...list.errors);
  }
  return {
    mode: 'worktree',
    findings: sortFindings(total.findings),
    errors: total.errors.sort(byFile),
    skipped: total.skipped.sort(byFile),
    stats: { files: total.files, bytes: total.bytes, skipped: total.skippedCount, durationMs: Math.round(performance.now() - started) },
  };
}

export class NotAGitRepository extends Error {}

/** The pre-commit scan: the lines the index adds to HEAD, limited to `pathspecs` when given. */
export async function scanStaged(cwd: string, pathspecs: readonly string[]): Promise<ScanResult> {
  const started = performance.now();
  if ((await workTreeRoot(cwd)) === null) throw new NotAGitRepository(`not inside a git work tree: ${cwd} (--staged reads the index)`);
  const staged = await stagedChanges(cwd, pathspecs);
  const engine = new Engine(RULES);
  const findings = staged.chunks.flatMap((c) => engine.scan(c));
  return {
    mode: 'staged',
    findings: sortFindings(findings),
    errors: [],
    skipped: staged.binary.map((file) => ({ file, reason: 'binary' })),
    stats: {
      files: staged.files.length,
      bytes: staged.chunks.reduce((n, c) => n + Buffer.byteLength(c.content as string), 0),
      skipped: staged.binary.length,
      durationMs: Math.round(performance.now() - started),
    },
  };
}
