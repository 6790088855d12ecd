// The working-tree sweep: list the files (sources/worktree), scan them (scan), and shape the result.

import { performance } from 'node:perf_hooks';
import { scanFiles, type ScanFilesOptions, sortFindings } from './scan.js';
import { listWorktree } from './sources/worktree.js';
import type { ScanResult } from './types.js';

export async function sweep(target: string, opts: ScanFilesOptions): Promise<ScanResult> {
  const started = performance.now();
  const list = await listWorktree(target);
  const batch = await scanFiles(list.root, list.batches, opts);
  const byFile = <T extends { file: string }>(a: T, b: T): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return {
    mode: 'worktree',
    findings: sortFindings(batch.findings),
    errors: [...list.errors, ...batch.errors].sort(byFile),
    skipped: batch.skipped.sort(byFile),
    stats: { files: batch.files, bytes: batch.bytes, skipped: batch.skippedCount, durationMs: Math.round(performance.now() - started) },
  };
}
