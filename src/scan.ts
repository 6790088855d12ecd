// Scanning a list of files: read each one (sources/files), run the engine over it, and gather
// findings, errors, skipped files and counts. Large lists are spread over worker threads, each
// running the same synchronous batch function; small ones run in this thread to spare the start-up.

import type { Worker } from 'node:worker_threads';
import { RULES } from '../rules/index.js';
import { isAppBundle } from './client.js';
import { Engine } from './engine.js';
import type { Hits } from './keywords.js';
import { readForScan } from './sources/files.js';
import { projectChunk, Projects } from './sources/projects.js';
import type { Finding, Rule, ScanError, Skipped } from './types.js';
import { scanPacket, Window, type WindowPacket } from './window.js';

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

/** Flush the window when less than this is left: a file that does not fit gets a buffer of its own. */
const WINDOW_SLACK = 128 << 10;

/** Where a batch's bytes go once read: each window as it fills (and at the batch's end), and each file too large for one. */
export interface Sink {
  /** The window is full, or the batch is over: take what it holds (it may be empty). */
  window(window: Window<string>): void;
  /** A file read into a buffer of its own. */
  file(path: string, bytes: Buffer): void;
}

/**
 * Reads `files` (POSIX, relative to root) straight into the window, synchronously, handing the bytes
 * to `sink`; counts what it read, skipped and could not read. The unit of work of every thread:
 * only the files of a window that hold a keyword are then decoded and matched (scanPacket).
 */
export function readBatch(root: string, files: readonly string[], opts: BatchOptions, window: Window<string>, sink: Sink): BatchResult {
  const out = emptyBatch();
  for (const file of files) {
    if (window.free < WINDOW_SLACK) sink.window(window);
    const read = readForScan(`${root}/${file}`, opts.maxFileSize, window.rest());
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
        // Binary files are passed over, but for app bundles (their strings are plain text).
        if (read.binary && !isAppBundle(file)) {
          out.skippedCount++;
          break;
        }
        out.files++;
        out.bytes += read.bytes.length;
        if (read.scratch) window.commit(file, read.bytes.length);
        else sink.file(file, read.bytes);
        break;
    }
  }
  sink.window(window);
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
  /** Report findings that the baseline accepts (to write a new baseline). */
  readonly ignoreBaseline?: boolean;
  /** Worker threads besides this one, which reads its share too; 0: this thread alone. Default: one per core but one, once a scan is large enough. */
  readonly threads?: number;
}

/** Files listed before a scan is worth the start-up of worker threads. */
const THREAD_THRESHOLD = 1500;
/** Files per batch handed to a thread once the pool runs. */
const POOL_BATCH = 512;

/** The compiled worker beside this module; absent when running from TypeScript sources (tests). */
const WORKER_URL = import.meta.url.endsWith('.js') ? new URL('./worker.js', import.meta.url) : null;

/** Lets messages from workers in (what they read, and their requests for more) between this thread's own batches. */
const letMessagesIn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Scans files as they are listed: `batches` yields lists of paths (relative to root). Small scans
 * run in this thread; once the listed files reach the threshold, worker threads start. Workers only
 * read: they send back windows of bytes, and this thread alone scans, so that one isolate, not one
 * per thread, compiles the engine's hot code (a fifth of a sweep's time when each thread did). This
 * thread reads too, the batches that run ahead of the workers, so that listing, thread start-up and
 * reading overlap and no thread waits on another at the end.
 */
export async function scanFiles(root: string, batches: Iterable<readonly string[]>, opts: ScanFilesOptions): Promise<BatchResult> {
  const threads = WORKER_URL ? (opts.threads ?? -1) : 0;
  const threshold = opts.threads === undefined ? THREAD_THRESHOLD : 0;
  const held: string[] = [];
  const engine = new Engine(selectRules(opts.ruleIds));
  const window = new Window<string>();
  // Each package.json is read once, and only for the files that reach the rules.
  const projects = new Projects(root);
  const mine = emptyBatch();
  const scan = (path: string, content: Buffer, hits?: Hits): void => {
    for (const f of engine.scan(projectChunk(path, content, projects), hits)) mine.findings.push(f);
  };
  const here: Sink = { window: (w) => w.flush(engine, scan), file: scan };
  const scanOwn = (files: readonly string[]): void => mergeBatch(mine, readBatch(root, files, opts, window, here));
  let pool: Pool | undefined;
  for (const batch of batches) {
    if (!pool) {
      held.push(...batch);
      if (threads === 0 || held.length < threshold) continue;
      // What the workers read comes back in windows, scanned as they arrive.
      pool = await startPool(root, opts, threads, (packet) => scanPacket(engine, packet, scan));
      for (let i = 0; i < held.length; i += POOL_BATCH) pool.submit(held.slice(i, i + POOL_BATCH));
    } else {
      pool.submit(batch);
    }
    // While listing goes on, this thread reads only what runs ahead of the workers.
    const own = pool.spare();
    if (own) {
      scanOwn(own);
      await letMessagesIn();
    }
  }
  if (!pool) {
    scanOwn(held);
    return mine;
  }
  for (let own = pool.spare(true); own; own = pool.spare(true)) {
    scanOwn(own);
    await letMessagesIn();
  }
  const total = await pool.finish();
  mergeBatch(total, mine);
  return total;
}

/** What the main thread sends a worker (see worker.ts). */
export type WorkerMessage =
  | { readonly files: readonly string[] }
  | { readonly recycle: SharedArrayBuffer }
  | { readonly window: WindowPacket<{ path: string }> }
  | null;

/**
 * Batches a worker holds at most: the one it reads and the next few, so that it never waits for a
 * message while this thread is busy scanning.
 */
const AHEAD = 4;

/** A worker's answer to a window: the findings per tag, and the buffer, handed back for reuse. */
export interface WindowReply<T> {
  readonly bytes: SharedArrayBuffer;
  readonly found: [T, Finding[]][];
}

type WorkerAnswer =
  | { readonly total: BatchResult }
  | { readonly packet: WindowPacket<string> }
  | { readonly window: WindowReply<unknown> }
  | { readonly done: true };

/**
 * Worker threads. File batches wait in one queue, and each worker holds at most AHEAD of them, asking
 * for the next as it finishes one; the windows it reads come back to `read` one by one, and its
 * counts add up to one total per worker, collected by finish(). Windows to scan (history) go to the
 * worker with the fewest waiting and are answered one by one.
 */
export class Pool {
  private readonly workers: Worker[];
  private readonly totals: Promise<BatchResult>[];
  private readonly waiting: { resolve: (r: WindowReply<unknown>) => void; reject: (e: Error) => void }[][];
  private readonly queue: (readonly string[])[] = [];
  /** Batches each worker holds. */
  private readonly held: number[];
  /** Called once the queue is empty, by finish(), which waits for it. */
  private drained: (() => void) | null = null;

  /** `read`: what to do with the windows that workers read (a sweep's), before their buffers go back. */
  constructor(workers: Worker[], read?: (packet: WindowPacket<string>) => void) {
    this.workers = workers;
    this.waiting = this.workers.map(() => []);
    this.held = this.workers.map(() => 0);
    this.totals = this.workers.map(
      (w, i) =>
        new Promise<BatchResult>((resolve, reject) => {
          const fail = (e: Error): void => {
            for (const p of this.waiting[i]!.splice(0)) p.reject(e);
            reject(e);
          };
          w.on('message', (m: WorkerAnswer) => {
            if ('total' in m) resolve(m.total);
            else if ('packet' in m) {
              // A failure to scan fails the scan where it is awaited (finish), not the process here.
              try {
                read!(m.packet);
              } catch (e) {
                fail(e as Error);
              }
              // Back for reuse: the worker's window keeps the buffers of its size (Window.recycle).
              w.postMessage({ recycle: m.packet.bytes } satisfies WorkerMessage);
            } else if ('done' in m) {
              this.held[i]!--;
              this.deal();
            } else this.waiting[i]!.shift()?.resolve(m.window);
          });
          w.once('error', fail);
          w.once('exit', (code) => fail(new Error(`scan worker stopped (exit code ${code})`)));
        }),
    );
    // A failure surfaces where it is awaited; do not also report it as unhandled.
    for (const t of this.totals) t.catch(() => {});
  }

  get size(): number {
    return this.workers.length;
  }

  /** Queues a batch of files for the workers. */
  submit(files: readonly string[]): void {
    this.queue.push(files);
    this.deal();
  }

  /**
   * A batch for the calling thread to read itself, which scans all that the workers read too: one
   * when the workers are full and AHEAD more wait for each; once the list is complete (`last`), any
   * but the one batch that a worker will have taken by the time this thread is done with it.
   * Undefined when there is none.
   */
  spare(last = false): readonly string[] | undefined {
    this.deal();
    return this.queue.length > (last ? 1 : AHEAD * this.workers.length) ? this.queue.shift() : undefined;
  }

  private deal(): void {
    for (let i = 0; i < this.workers.length && this.queue.length > 0; i++) {
      while (this.held[i]! < AHEAD && this.queue.length > 0) {
        this.held[i]!++;
        this.workers[i]!.postMessage({ files: this.queue.shift()! } satisfies WorkerMessage);
      }
    }
    if (this.queue.length === 0) this.drained?.();
  }

  scanWindow<T extends { path: string }>(packet: WindowPacket<T>): Promise<WindowReply<T>> {
    let best = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.waiting[i]!.length < this.waiting[best]!.length) best = i;
    return new Promise((resolve, reject) => {
      this.waiting[best]!.push({ resolve: resolve as (r: WindowReply<unknown>) => void, reject });
      this.workers[best]!.postMessage({ window: packet } satisfies WorkerMessage);
    });
  }

  /** Waits until the workers have taken every queued batch, then collects their totals. */
  async finish(): Promise<BatchResult> {
    // Unless a worker fails first: its total rejects, and no one takes the rest.
    if (this.queue.length > 0) await Promise.race([new Promise<void>((resolve) => (this.drained = resolve)), Promise.all(this.totals)]);
    for (const w of this.workers) w.postMessage(null satisfies WorkerMessage);
    const total = emptyBatch();
    for (const r of await Promise.all(this.totals)) mergeBatch(total, r);
    return total;
  }
}

/**
 * Starts `size` worker threads (-1: one per core). worker_threads and os load here, not at start-up:
 * a pre-commit scan never needs them.
 */
async function startPool(root: string, opts: BatchOptions, size: number, read?: (packet: WindowPacket<string>) => void): Promise<Pool> {
  const [{ Worker }, { availableParallelism }] = await Promise.all([import('node:worker_threads'), import('node:os')]);
  const data = { root, opts: { maxFileSize: opts.maxFileSize, ...(opts.ruleIds ? { ruleIds: opts.ruleIds } : {}) } };
  // One per core but this one, which lists, reads its share and scans.
  const n = size < 0 ? Math.max(1, availableParallelism() - 1) : size;
  return new Pool(
    Array.from({ length: n }, () => new Worker(WORKER_URL!, { workerData: data })),
    read,
  );
}

/** A pool for scanning windows (history; `root`: the work tree whose package.json files tell frameworks, or ''), or null where worker threads cannot run (tests from sources). */
export async function windowPool(ruleIds: readonly string[] | undefined, root: string): Promise<Pool | null> {
  return WORKER_URL ? startPool(root, { maxFileSize: 0, ...(ruleIds ? { ruleIds } : {}) }, -1) : null;
}

/** Orders findings by file, position and rule, so that reports are stable across thread counts. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || cmp(a.ruleId, b.ruleId) || cmp(a.commit ?? '', b.commit ?? ''),
  );
}

/** Code-unit order of strings (stable across locales). */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
