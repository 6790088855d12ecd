// A scan worker thread. Messages in:
//   { files }    a batch of paths (relative to root) to read: each window of their bytes goes back as
//                { packet } (its memory shared) for the main thread to scan, the counts add up
//                to a total, and { done } asks for the next batch
//   { recycle }  a packet's buffer, handed back for the next window
//   { window }   a window of blobs read by the main thread: scanned here and answered at once, its
//                buffer handed back
//   null         the list is over: answer with the total and close
// A sweep's worker only reads: the main thread alone scans, so only its isolate compiles the
// engine's hot code. The same readBatch and scanPacket run in the main thread.

import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from './engine.js';
import { projectChunk, Projects } from './sources/projects.js';
import { type BatchOptions, emptyBatch, mergeBatch, readBatch, selectRules, type Sink, type WorkerMessage, type WindowReply } from './scan.js';
import type { Finding } from './types.js';
import { scanPacket, Window, type WindowPacket } from './window.js';

const { root, opts } = workerData as { root: string; opts: BatchOptions };
/** Made for the first window to scan (a sweep's worker needs none). */
let engine: Engine | undefined;
// root is '' for a pool that scans windows of a repository without a work tree (no package.json to read).
const projects = root === '' ? null : new Projects(root);
const window = new Window<string>();
const total = emptyBatch();

const post = (packet: WindowPacket<string>): void => parentPort!.postMessage({ packet });
const toMain: Sink = {
  window: (w) => {
    if (!w.empty) post(w.take());
  },
  file: (path, bytes) => {
    // A file too large for a window goes in shared memory of its own (see window.ts).
    const shared = new SharedArrayBuffer(bytes.length);
    bytes.copy(Buffer.from(shared));
    post({ bytes: shared, ends: [bytes.length], tags: [path] });
  },
};

parentPort!.on('message', (message: WorkerMessage) => {
  if (message === null) {
    parentPort!.postMessage({ total });
    parentPort!.close();
  } else if ('files' in message) {
    mergeBatch(total, readBatch(root, message.files, opts, window, toMain));
    parentPort!.postMessage({ done: true });
  } else if ('recycle' in message) {
    window.recycle(message.recycle);
  } else {
    const scanner = (engine ??= new Engine(selectRules(opts.ruleIds)));
    const found: [unknown, Finding[]][] = [];
    scanPacket(scanner, message.window, (tag: { path: string }, content, hits) => {
      const findings = scanner.scan(projectChunk(tag.path, content, projects), hits);
      if (findings.length > 0) found.push([tag, findings]);
    });
    const reply: WindowReply<unknown> = { bytes: message.window.bytes, found };
    parentPort!.postMessage({ window: reply });
  }
});
