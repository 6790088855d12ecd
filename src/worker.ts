// A scan worker thread. Messages in:
//   { files }   a batch of paths (relative to root) to read and scan; results add up to a total,
//               and { done } asks for the next batch
//   { window }  a window of blobs read by the main thread; answered at once, its buffer handed back
//   null        the list is over: answer with the total and close
// The same scanBatch and scanPacket run in the main thread for small scans.

import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from './engine.js';
import { projectChunk, Projects } from './sources/projects.js';
import { type BatchOptions, emptyBatch, mergeBatch, scanBatch, selectRules, type WorkerMessage, type WindowReply } from './scan.js';
import type { Finding } from './types.js';
import { scanPacket, Window } from './window.js';

const { root, opts } = workerData as { root: string; opts: BatchOptions };
const engine = new Engine(selectRules(opts.ruleIds));
// root is '' for a pool that scans windows of a repository without a work tree (no package.json to read).
const projects = root === '' ? null : new Projects(root);
const window = new Window<string>();
const total = emptyBatch();

parentPort!.on('message', (message: WorkerMessage) => {
  if (message === null) {
    parentPort!.postMessage({ total });
    parentPort!.close();
  } else if ('files' in message) {
    mergeBatch(total, scanBatch(root, message.files, engine, opts, window, projects!));
    parentPort!.postMessage({ done: true });
  } else {
    const found: [unknown, Finding[]][] = [];
    scanPacket(engine, message.window, (tag: { path: string }, content, hits) => {
      const findings = engine.scan(projectChunk(tag.path, content, projects), hits);
      if (findings.length > 0) found.push([tag, findings]);
    });
    const reply: WindowReply<unknown> = { bytes: message.window.bytes, found };
    parentPort!.postMessage({ window: reply }, [message.window.bytes]);
  }
});
