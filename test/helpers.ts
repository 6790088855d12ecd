// Test helpers: temporary directories and git repositories with the user's git configuration
// isolated (HOME, GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM), and the built CLI run as a user runs it.

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const BIN = fileURLToPath(new URL('../bin/leakgate.js', import.meta.url));

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A fresh directory, removed when the test file ends. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'leakgate-test-'));
  made.push(d);
  return d;
}

/** The environment for git and the CLI: no user or system config, a fixed identity. */
export function isolatedEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(GIT_|GITHUB_|GITLAB_|CI_|BITBUCKET_|TF_BUILD|CIRCLE|JENKINS_)/.test(k) && k !== 'NO_COLOR' && k !== 'FORCE_COLOR') env[k] = v;
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    ...extra,
  };
}

export type Files = Record<string, string | Buffer>;

export function writeFiles(root: string, files: Files): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

export interface Repo {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  git(...args: string[]): string;
}

/** A new git repository (branch main) holding `files`, not yet committed. */
export function gitRepo(files: Files = {}, globalConfig = ''): Repo {
  const home = tempDir();
  const dir = join(home, 'repo');
  mkdirSync(dir);
  writeFileSync(join(home, '.gitconfig'), globalConfig);
  const env = isolatedEnv(home);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  writeFiles(dir, files);
  return { dir, env, git };
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let sharedBin: string | undefined;

/** A copy of the built CLI that any user can run (the checkout may sit in a private directory). */
function binForAnyUser(): string {
  if (!sharedBin) {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const root = fileURLToPath(new URL('..', import.meta.url));
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(dir, part), { recursive: true });
    sharedBin = join(dir, 'bin', 'leakgate.js');
  }
  return sharedBin;
}

/** Runs the built CLI; with `uid`, as that (unprivileged) user. */
export function leakgate(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; input?: string; uid?: number }): Run {
  const command = opts.uid === undefined ? process.execPath : 'setpriv';
  const argv =
    opts.uid === undefined
      ? [BIN, ...args]
      : [`--reuid=${opts.uid}`, `--regid=${opts.uid}`, '--clear-groups', process.execPath, binForAnyUser(), ...args];
  const r = spawnSync(command, argv, { cwd: opts.cwd, env: opts.env ?? isolatedEnv(tempDir()), input: opts.input ?? '', encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function json(run: Run): { findings: Array<Record<string, unknown>>; errors: Array<Record<string, unknown>>; skipped: Array<Record<string, unknown>>; stats: Record<string, number>; mode: string; tool: Record<string, string> } {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** Files packed as the sweep packs them into a window: back to back, a newline between, with the end of each. */
export function windowOf(files: readonly (string | Buffer)[]): { window: Buffer; ends: number[] } {
  const ends: number[] = [];
  let at = 0;
  for (const f of files) {
    at += Buffer.byteLength(f);
    ends.push(at);
    at += 1;
  }
  return { window: Buffer.concat(files.flatMap((f, i) => [...(i === 0 ? [] : [Buffer.from('\n')]), Buffer.from(f)])), ends };
}
