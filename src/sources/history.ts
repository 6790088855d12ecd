// The history source: every distinct blob reachable from the chosen commits, read once, streamed
// (`git rev-list --objects` piped into `git cat-file --batch`, never `git log -p`), and the commit
// log that says which commit first brought each blob to each path. Objects missing from a partial
// clone are reported, never fetched; memory stays bounded by the largest blob read.

import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { git } from './git.js';
import { unquote } from './staged.js';

/** One blob of history, as first met: its id, the path it was first seen at, and its content (a view, valid until the next one). */
export type HistoryObject =
  | { readonly kind: 'blob'; readonly id: string; readonly path: string; readonly content: Buffer }
  /** Larger than the limit: not read. */
  | { readonly kind: 'large'; readonly id: string; readonly path: string; readonly size: number }
  /** Not in the repository (a partial clone): not scanned. */
  | { readonly kind: 'missing'; readonly id: string };

/** Environment for git: never fetch a missing object from a promisor remote behind our back. */
const NO_FETCH = { ...process.env, GIT_NO_LAZY_FETCH: '1' };

/**
 * Streams the blobs reachable from `revs` (rev-list arguments such as `--all` or `A..B`), each once.
 */
export async function* historyBlobs(cwd: string, revs: readonly string[], maxSize: number): AsyncGenerator<HistoryObject> {
  const list = spawn('git', ['rev-list', '--objects', '--filter=object:type=blob', '--missing=print', ...revs, '--'], {
    cwd,
    env: NO_FETCH,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const cat = spawn('git', ['cat-file', `--batch=%(objectname) %(objecttype) %(objectsize) %(rest)`], {
    cwd,
    env: NO_FETCH,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const failures = [collect(list, 'rev-list'), collect(cat, 'cat-file')];
  // Commits are listed too (without a path); cat-file answers them and the reader passes over them.
  list.stdout.pipe(cat.stdin);
  try {
    yield* readBatch(cat.stdout, maxSize);
  } finally {
    list.kill();
    cat.kill();
  }
  for (const f of await Promise.all(failures)) if (f) throw new Error(f);
}

/** Resolves to an error message when the process fails, else null. */
function collect(proc: ReturnType<typeof spawn>, name: string): Promise<string | null> {
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => {
    proc.on('error', (e) => resolve(`git ${name}: ${e.message}`));
    proc.on('close', (code) => resolve(code === 0 ? null : `git ${name}: ${stderr.trim() || `exit code ${code}`}`));
  });
}

/**
 * Parses `git cat-file --batch` output: a header line, then exactly `size` bytes and a newline.
 * A blob's content may be a view into the stream's buffer: it is valid until the next iteration.
 */
async function* readBatch(stream: Readable, maxSize: number): AsyncGenerator<HistoryObject> {
  let buf: Buffer = Buffer.alloc(0);
  /** Chunks gathered for a blob larger than what has arrived, and their total length. */
  let parts: Buffer[] = [];
  let gathered = 0;
  let want: { id: string; type: string; size: number; path: string } | null = null;
  for await (const data of stream as AsyncIterable<Buffer>) {
    if (want !== null && parts.length > 0) {
      parts.push(data);
      gathered += data.length;
      if (gathered < want.size + 1) continue;
      buf = Buffer.concat(parts, gathered);
      parts = [];
    } else {
      buf = buf.length === 0 ? data : Buffer.concat([buf, data]);
    }
    for (;;) {
      if (want === null) {
        const nl = buf.indexOf(0x0a);
        if (nl === -1) break;
        const header = buf.subarray(0, nl).toString('utf8');
        buf = buf.subarray(nl + 1);
        const m = /^(\S+) (\S+) (\d+)(?: (.*))?$/.exec(header);
        if (!m) {
          const missing = /^\??([0-9a-f]{40,64}) missing$/.exec(header);
          if (missing) yield { kind: 'missing', id: missing[1]! };
          continue;
        }
        want = { id: m[1]!, type: m[2]!, size: Number(m[3]), path: m[4] ?? '' };
        if (want.type === 'blob' && want.size > maxSize) yield { kind: 'large', id: want.id, path: want.path, size: want.size };
      }
      if (buf.length < want.size + 1) {
        // Wait for the rest, gathering chunks rather than concatenating each one as it comes.
        parts = [buf];
        gathered = buf.length;
        buf = Buffer.alloc(0);
        break;
      }
      if (want.type === 'blob' && want.size <= maxSize) {
        yield { kind: 'blob', id: want.id, path: want.path, content: buf.subarray(0, want.size) };
      }
      buf = buf.subarray(want.size + 1);
      want = null;
    }
  }
}

/** A commit that brought a blob to a path. */
export interface Arrival {
  readonly commit: string;
  readonly author: string;
  readonly date: string;
  readonly path: string;
  readonly blob: string;
}

/**
 * Streams, oldest commit first, each (commit, path, blob) where a commit of `revs` brought a blob
 * to a path (added or changed it; for merges, relative to each parent). Only blobs in `wanted` are
 * yielded, so callers pay for the log only when history has findings.
 */
export async function* arrivals(
  cwd: string,
  revs: readonly string[],
  wanted: ReadonlySet<string>,
  wantedPath: (path: string) => boolean = () => false,
): AsyncGenerator<Arrival> {
  const log = spawn(
    'git',
    ['-c', 'core.quotePath=false', 'log', '--reverse', '-m', '--raw', '--no-abbrev', '--no-renames', '--format=%x01%H%x00%an <%ae>%x00%aI', ...revs, '--'],
    { cwd, env: NO_FETCH, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const failure = collect(log, 'log');
  try {
    yield* parseLog(log.stdout, wanted, wantedPath);
  } finally {
    log.kill();
  }
  const f = await failure;
  if (f) throw new Error(f);
}

async function* parseLog(stdout: Readable, wanted: ReadonlySet<string>, wantedPath: (path: string) => boolean): AsyncGenerator<Arrival> {
  // Loaded here rather than at start-up: only a history scan with findings reads the log.
  const { createInterface } = await import('node:readline');
  let commit = '';
  let author = '';
  let date = '';
  for await (const line of createInterface({ input: stdout, crlfDelay: Infinity })) {
    if (line.startsWith('\x01')) {
      [commit = '', author = '', date = ''] = line.slice(1).split('\0');
      continue;
    }
    // :100644 100644 <old> <new> M\t<path>
    if (!line.startsWith(':')) continue;
    const tab = line.indexOf('\t');
    const fields = line.slice(1, tab).split(' ');
    const blob = fields[3];
    if (blob === undefined || /^0+$/.test(blob)) continue; // a deletion
    const path = unquote(line.slice(tab + 1));
    if (wanted.has(blob) || wantedPath(path)) yield { commit, author, date, path, blob };
  }
}

/** Whether the repository is a shallow clone (its history is cut off). */
export async function isShallow(cwd: string): Promise<boolean> {
  return (await git(['rev-parse', '--is-shallow-repository'], cwd)).toString('utf8').trim() === 'true';
}
