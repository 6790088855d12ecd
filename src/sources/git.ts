// A thin runner for git plumbing commands. It inherits the environment, so a hook's GIT_DIR and
// GIT_INDEX_FILE and the user's own configuration (core.excludesFile) apply as git would apply them.

import { execFile } from 'node:child_process';

export class GitError extends Error {
  constructor(
    message: string,
    readonly stderr = '',
  ) {
    super(message);
  }
}

/** Runs `git args` in `cwd` and resolves to its standard output as bytes. */
export function git(args: readonly string[], cwd: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 1 << 30 }, (err, stdout, stderr) => {
      if (err) {
        const text = stderr.toString('utf8').trim();
        const code = (err as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'git is not installed or not on PATH' : text || err.message;
        reject(new GitError(`git ${args[0]}: ${why}`, text));
      } else resolve(stdout);
    });
  });
}

/** Runs `git args` with `input` on its standard input; resolves to its output as text. */
export function gitWithInput(args: readonly string[], cwd: string, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 }, (err, stdout, stderr) => {
      if (err) reject(new GitError(`git ${args[0]}: ${stderr.trim() || err.message}`, stderr));
      else resolve(stdout);
    });
    child.stdin?.end(input);
  });
}

/** Whether `dir` is inside a git repository (bare or not). */
export async function isRepository(dir: string): Promise<boolean> {
  try {
    await git(['rev-parse', '--git-dir'], dir);
    return true;
  } catch (err) {
    if (err instanceof GitError && /not a git repository/i.test(err.stderr)) return false;
    throw err;
  }
}

/** The top of the work tree that holds `dir`, or null when `dir` is not inside one (or git is absent). */
export async function workTreeRoot(dir: string): Promise<string | null> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], dir)).toString('utf8').replace(/\n$/, '');
  } catch (err) {
    const stderr = err instanceof GitError ? err.stderr : '';
    if (/not a git repository|must be run in a work tree|git is not installed/i.test(`${stderr} ${(err as Error).message}`)) {
      return null;
    }
    throw err;
  }
}

/** Splits NUL-terminated git output (`-z`) into strings, dropping the empty tail. */
export function splitZ(out: Buffer): string[] {
  const parts = out.toString('utf8').split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}
