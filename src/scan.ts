// Scanning a list of files: read each one (sources/files), run the engine over it, and gather
// findings, errors, skipped files and counts. Large lists are spread over worker threads, each
// running the same synchronous batch function; small ones run in this thread to spare the start-up.

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RULES } from '../rules/index.js';
import { Engine } from './engine.js';
import { readForScan } from './sources/files.js';
import type { Finding, Rule, ScanError, Skipped } from './types.js';

export interface BatchOptions {
  /** Files larger than this many bytes are skipped and listed. */
  readonly maxFileSize: number;
  /** Rule ids to run; all built-in rules when absent. */
  readonly ruleIds?: readonly string[];
}

export interface BatchResult {
  findings: Finding[];
  errors: ScanError[];
  skipped: Skipped[];
  files: number;
  bytes: number;
  skippedCount: number;
}

export const emptyBatch = (): BatchResult => ({ findings: [], errors: [], skipped: [], files: 0, bytes: 0, skippedCount: 0 });

export function selectRules(ruleIds?: readonly string[]): Rule[] {
  if (!ruleIds) return [...RULES];
  const unknown = ruleIds.filter((id) => !RULES.some((r) => r.id === id));
  if (unknown.length > 0) throw new Error(`unknown rule id: ${unknown.join(', ')}`);
  return RULES.filter((r) => ruleIds.includes(r.id));
}

const SCRATCH_BYTES = 1 << 20;

/** Scans `files` (POSIX, relative to root) synchronously; the unit of work of a thread. */
export function scanBatch(root: string, files: readonly string[], engine: Engine, opts: BatchOptions, scratch: Buffer): BatchResult {
  const out = emptyBatch();
  for (const file of files) {
    const read = readForScan(join(root, file), opts.maxFileSize, scratch);
    switch (read.kind) {
      case 'gone':
        break;
      case 'error':
        out.errors.push({ file, message: read.message });
        break;
      case 'skip':
        out.skippedCount++;
        if (read.listed) out.skipped.push({ file, reason: read.reason });
        break;
      case 'text':
        out.files++;
        out.bytes += read.bytes.length;
        for (const f of engine.scan({ path: file, content: read.bytes, line: 1 })) out.findings.push(f);
        break;
    }
  }
  return out;
}

export function mergeBatch(into: BatchResult, from: BatchResult): void {
  into.findings.push(...from.findings);
  into.errors.push(...from.errors);
  into.skipped.push(...from.skipped);
  into.files += from.files;
  into.bytes += from.bytes;
  into.skippedCount += from.skippedCount;
}

export interface ScanFilesOptions extends BatchOptions {
  /** Worker threads; 0 scans in this thread. Default: one per core for large lists, else 0. */
  readonly threads?: number;
}

/** Lists at or above this size are worth the start-up of worker threads. */
const THREAD_THRESHOLD = 1500;
const BATCH = 64;

/** The compiled worker beside this module; absent when running from TypeScript sources (tests). */
const WORKER_URL = import.meta.url.endsWith('.js') ? new URL('./worker.js', import.meta.url) : null;

export async function scanFiles(root: string, files: readonly string[], opts: ScanFilesOptions): Promise<BatchResult> {
  const wanted = opts.threads ?? (files.length >= THREAD_THRESHOLD ? availableParallelism() : 0);
  const threads = WORKER_URL ? Math.min(wanted, Math.ceil(files.length / BATCH)) : 0;
  if (threads <= 0) {
    return scanBatch(root, files, new Engine(selectRules(opts.ruleIds)), opts, Buffer.allocUnsafe(SCRATCH_BYTES));
  }
  const total = emptyBatch();
  let next = 0;
  const workerOptions: BatchOptions = { maxFileSize: opts.maxFileSize, ...(opts.ruleIds ? { ruleIds: opts.ruleIds } : {}) };
  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_URL!, { workerData: { root, opts: workerOptions } });
      const feed = (): void => {
        if (next >= files.length) {
          void worker.terminate();
          resolve();
          return;
        }
        const batch = files.slice(next, (next += BATCH));
        worker.postMessage(batch);
      };
      worker.on('message', (result: BatchResult) => {
        mergeBatch(total, result);
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0 && code !== 1) reject(new Error(`scan worker exited with code ${code}`));
      });
      feed();
    });
  await Promise.all(Array.from({ length: threads }, run));
  return total;
}

/** Orders findings by file, position and rule, so that reports are stable across thread counts. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.commit ?? '', b.commit ?? ''),
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
