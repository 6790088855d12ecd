// A scan worker thread: scans each batch of paths it receives and, when told the list is over
// (null), answers with its total BatchResult. The same scanBatch runs in the main thread for small scans.

import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from './engine.js';
import { type BatchOptions, emptyBatch, mergeBatch, scanBatch, selectRules, WINDOW_BYTES } from './scan.js';

const { root, opts } = workerData as { root: string; opts: BatchOptions };
const engine = new Engine(selectRules(opts.ruleIds));
const window = Buffer.allocUnsafe(WINDOW_BYTES);
const total = emptyBatch();

parentPort!.on('message', (files: string[] | null) => {
  if (files === null) {
    parentPort!.postMessage(total);
    parentPort!.close();
  } else {
    mergeBatch(total, scanBatch(root, files, engine, opts, window));
  }
});
