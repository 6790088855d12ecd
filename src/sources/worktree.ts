// The working-tree source: which files a sweep reads. Inside a git work tree that is exactly what
// `git add -A` would commit (tracked files plus untracked files git does not ignore), with git itself
// as the judge of ignore rules. Outside git, every file under the path except .git/ and node_modules/.
// Symbolic links are never followed. Paths are POSIX and relative to `root`.

import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { clientOutputIn, isClientOutput } from '../client.js';
import { isEnvFile } from '../dotenv.js';
import type { ScanError } from '../types.js';
import { git, GitError, splitZ, workTreeRoot } from './git.js';

export interface FileList {
  /** Absolute directory the paths are relative to: the work tree's top, or the scanned directory. */
  readonly root: string;
  /** POSIX paths relative to root, in batches as they are listed (a walk yields while it goes). */
  readonly batches: Iterable<string[]>;
  /** True when the list came from git. */
  readonly git: boolean;
  /** Whether git tracks a listed path (false: untracked and not ignored; undefined: ignored); absent outside git. */
  readonly tracked?: (path: string) => boolean | undefined;
  /** Directories that could not be listed (outside git); filled while `batches` is consumed. */
  readonly errors: ScanError[];
  /** What git ignores but a sweep still reads (inside git, for a directory): listed while the rest is scanned. */
  readonly ignored?: Promise<IgnoredFiles>;
}

/**
 * Files that git ignores and a sweep reads all the same, each for a few rules: built client output
 * (deployed whatever git says) and dotenv files (a build inlines their public variables).
 */
export interface IgnoredFiles {
  readonly clientOutput: string[];
  readonly dotenv: string[];
  /** Folders that could not be listed. */
  readonly errors: ScanError[];
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

export async function listWorktree(target: string): Promise<FileList> {
  const abs = resolve(target);
  const stat = statSync(abs); // throws ENOENT for a missing target: the CLI reports it
  const dir = stat.isDirectory() ? abs : dirname(abs);
  const top = await workTreeRoot(dir);
  if (!stat.isDirectory()) {
    const root = top ?? dir;
    const path = toPosix(relative(root, abs));
    if (top === null) return { root, batches: [[path]], git: false, errors: [] };
    // A file named on the command line is scanned even when git ignores it; git says whether it is
    // tracked, untracked, or ignored (not listed: undefined).
    const { files, untracked } = await gitListing(dir, abs);
    const listed = files.has(path);
    return { root, batches: [[path]], git: true, errors: [], tracked: () => (listed ? !untracked.has(path) : undefined) };
  }
  if (top !== null && dir !== top && (await ignoredByGit(dir))) {
    // git lists nothing under a folder it ignores (and its listing of ignored folders fails inside
    // one); named on the command line, the folder is read whole, as outside git, and git still tells
    // which of its files it tracks.
    const { files, untracked } = await gitListing(dir, '.');
    const errors: ScanError[] = [];
    return { root: top, batches: walk(top, errors, toPosix(relative(top, dir))), git: true, errors, tracked: (p) => (files.has(p) ? !untracked.has(p) : undefined) };
  }
  if (top !== null) {
    const ignored = ignoredListing(dir, top);
    ignored.catch(() => {}); // awaited after the scan; a failure surfaces there
    const { files, untracked } = await gitListing(dir, '.');
    return { root: top, batches: chunks([...files], BATCH), git: true, errors: [], tracked: (p) => !untracked.has(p), ignored };
  }
  const errors: ScanError[] = [];
  return { root: abs, batches: walk(abs, errors), git: false, errors };
}

/** Whether git's ignore rules take the folder `dir` (itself, or a folder above it), whatever files in it git tracks. */
async function ignoredByGit(dir: string): Promise<boolean> {
  try {
    await git(['check-ignore', '-q', '--no-index', '.'], dir);
    return true;
  } catch (err) {
    // Exit status 1, with nothing said: not ignored.
    if (err instanceof GitError && err.stderr === '') return false;
    throw err;
  }
}

/** Files per batch handed on while listing. */
const BATCH = 512;

/**
 * What `git add -A` would take under `pathspec` (run in `dir`), as root-relative paths, and which of
 * them are untracked: `-t` tags each path, "? " for untracked (and not ignored), a letter for tracked.
 */
async function gitListing(dir: string, pathspec: string): Promise<{ files: Set<string>; untracked: Set<string> }> {
  const out = await git(['ls-files', '-z', '-t', '--cached', '--others', '--exclude-standard', '--full-name', '--', pathspec], dir);
  const files = new Set<string>();
  const untracked = new Set<string>();
  for (const entry of splitZ(out)) {
    const path = entry.slice(2);
    if (entry.startsWith('?')) untracked.add(path);
    files.add(path);
  }
  return { files, untracked };
}

/**
 * The ignored files under `dir` that a sweep reads anyway. git lists ignored folders whole
 * (`--directory`), so that node_modules costs one line; the client-output folders among them are
 * walked here, with the walk's own rules (no links followed, node_modules left out).
 */
async function ignoredListing(dir: string, top: string): Promise<IgnoredFiles> {
  const out = await git(['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory', '--full-name', '--', '.'], dir);
  const found: IgnoredFiles = { clientOutput: [], dotenv: [], errors: [] };
  for (const path of splitZ(out)) {
    if (path.endsWith('/')) {
      // `vercel pull` writes the deployment's variables to .vercel/.env.*.local, which builds read.
      if (/(?:^|\/)\.vercel\/$/.test(path)) found.dotenv.push(...envFilesIn(top, path));
      const output = clientOutputIn(path);
      if (output === null) continue;
      for (const batch of walk(top, found.errors, output.slice(0, -1))) found.clientOutput.push(...batch.filter((p) => isClientOutput(p)));
    } else if (isClientOutput(path)) found.clientOutput.push(path);
    else if (isEnvFile(path)) found.dotenv.push(path);
  }
  return found;
}

/** The dotenv files directly inside `dir` (POSIX, relative to top, ending in `/`); none when it cannot be read. */
function envFilesIn(top: string, dir: string): string[] {
  try {
    return readdirSync(join(top, dir), { withFileTypes: true })
      .filter((e) => e.isFile() && isEnvFile(e.name))
      .map((e) => `${dir}${e.name}`);
  } catch {
    return [];
  }
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

const WALK_SKIP = new Set(['.git', 'node_modules']);

/**
 * Every file below root (or below its folder `from`), as POSIX paths relative to root, in batches;
 * links are listed, not followed. A missing `from` lists nothing.
 */
function* walk(root: string, errors: ScanError[], from = ''): Generator<string[]> {
  let files: string[] = [];
  const pending = [from];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch (err) {
      if (rel === from && from !== '' && (err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      errors.push({ file: rel === '' ? '.' : rel, message: `cannot list directory: ${(err as Error).message}` });
      continue;
    }
    for (const e of entries) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!WALK_SKIP.has(e.name)) pending.push(child);
      } else if (e.isFile() || e.isSymbolicLink()) {
        // Links are listed so the reader can count them as skipped; it opens nothing through a link.
        files.push(child);
      }
    }
    if (files.length >= BATCH) {
      yield files;
      files = [];
    }
  }
  if (files.length > 0) yield files;
}

