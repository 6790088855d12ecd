// A scan worker thread: receives batches of paths, answers each with its BatchResult.
// The same scanBatch runs in the main thread for small scans.

import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from './engine.js';
import { type BatchOptions, scanBatch, selectRules } from './scan.js';

const { root, opts } = workerData as { root: string; opts: BatchOptions };
const engine = new Engine(selectRules(opts.ruleIds));
const scratch = Buffer.allocUnsafe(1 << 20);

parentPort!.on('message', (files: string[]) => {
  parentPort!.postMessage(scanBatch(root, files, engine, opts, scratch));
});
