// leakgate hook install/uninstall end to end: real repositories, real `git commit`, and the
// shipped hook scripts finding leakgate on PATH.

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, type Repo, gitRepo, leakgate, tempDir } from './helpers.js';
import { openai } from './keys.js';

const k = (seed: string) => openai('proj', 74, seed);

/** PATH with a `leakgate` command that runs the built CLI, as an installed package provides. */
const binDir = tempDir();
symlinkSync(BIN, join(binDir, 'leakgate'));
const withBin = (repo: Repo): NodeJS.ProcessEnv => ({ ...repo.env, PATH: `${binDir}:${process.env.PATH}` });

function repoWithCommit(): Repo {
  const repo = gitRepo({ 'README.md': 'hello\n' });
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'base');
  return repo;
}

const run = (repo: Repo, args: string[], env = withBin(repo), cwd = repo.dir) => leakgate(args, { cwd, env });
const git = (repo: Repo, args: string[], env = withBin(repo), cwd = repo.dir) => spawnSync('git', args, { cwd, env, encoding: 'utf8' });

/** Commits a key, then (after removing it) a clean change, and checks the hook's verdicts. */
function expectBlocksKeys(repo: Repo, cwd = repo.dir, env = withBin(repo)): void {
  writeFileSync(join(cwd, 'config.py'), `KEY = "${k(cwd)}"\n`);
  git(repo, ['add', 'config.py'], env, cwd);
  const blocked = git(repo, ['commit', '-q', '-m', 'leak'], env, cwd);
  expect(blocked.status).toBe(1);
  expect(blocked.stderr + blocked.stdout).toMatch(/config\.py[\s\S]*1:8[\s\S]*openai-api-key[\s\S]*How to go on/);
  expect(blocked.stderr + blocked.stdout).not.toContain(k(cwd));
  writeFileSync(join(cwd, 'config.py'), 'import os\nKEY = os.environ["KEY"]\n');
  git(repo, ['add', 'config.py'], env, cwd);
  expect(git(repo, ['commit', '-q', '-m', 'clean'], env, cwd).status).toBe(0);
}

describe('leakgate hook install', () => {
  it('protects a plain repository: staged keys and commit -am are blocked, clean commits and --no-verify pass', () => {
    const repo = repoWithCommit();
    expect(run(repo, ['hook', 'install']).stdout).toMatch(/pre-commit: installed .*\.git\/hooks\/pre-commit/);
    expectBlocksKeys(repo);
    writeFileSync(join(repo.dir, 'README.md'), `hello\nK=${k('am')}\n`);
    expect(git(repo, ['commit', '-q', '-am', 'all']).status).toBe(1);
    expect(git(repo, ['commit', '-q', '--no-verify', '-am', 'all']).status).toBe(0);
  });

  it('warns and lets through with LEAKGATE_SKIP=1, and fails closed when leakgate cannot be found', () => {
    const repo = repoWithCommit();
    run(repo, ['hook', 'install']);
    writeFileSync(join(repo.dir, 'a.txt'), `K=${k('skip')}\n`);
    repo.git('add', 'a.txt');
    const skipped = git(repo, ['commit', '-q', '-m', 'skip'], { ...withBin(repo), LEAKGATE_SKIP: '1' });
    expect(skipped.status).toBe(0);
    expect(skipped.stderr).toMatch(/NOT scanned/);
    writeFileSync(join(repo.dir, 'b.txt'), 'b\n');
    repo.git('add', 'b.txt');
    const path = `${process.execPath.replace(/\/[^/]+$/, '')}:/usr/bin:/bin`;
    const lost = git(repo, ['commit', '-q', '-m', 'no leakgate'], { ...repo.env, PATH: path, npm_config_offline: 'true' });
    expect(lost.status).toBe(1);
    expect(lost.stderr).toMatch(/cannot find leakgate/);
  });

  it('does not run a leakgate that the repository itself commits under node_modules/.bin', () => {
    const repo = repoWithCommit();
    const fakeBin = join(repo.dir, 'node_modules', '.bin');
    mkdirSync(fakeBin, { recursive: true });
    writeFileSync(join(fakeBin, 'leakgate'), `#!/bin/sh\ntouch "${join(repo.dir, 'pwned')}"\nexit 0\n`);
    chmodSync(join(fakeBin, 'leakgate'), 0o755);
    repo.git('add', '-f', 'node_modules/.bin/leakgate');
    repo.git('commit', '-q', '--no-verify', '-m', 'planted');
    run(repo, ['hook', 'install']);
    writeFileSync(join(repo.dir, 'a.txt'), `K=${k('planted')}\n`);
    repo.git('add', 'a.txt');
    const result = git(repo, ['commit', '-q', '-m', 'leak']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/ignoring .*committed to the repository/);
    expect(existsSync(join(repo.dir, 'pwned'))).toBe(false);
  });

  it('does not run a leakgate reached through a committed node_modules link', () => {
    const repo = repoWithCommit();
    mkdirSync(join(repo.dir, 'tools', '.bin'), { recursive: true });
    writeFileSync(join(repo.dir, 'tools', '.bin', 'leakgate'), `#!/bin/sh\ntouch "${join(repo.dir, 'pwned')}"\nexit 0\n`);
    chmodSync(join(repo.dir, 'tools', '.bin', 'leakgate'), 0o755);
    symlinkSync('tools', join(repo.dir, 'node_modules'));
    repo.git('add', '-f', 'tools', 'node_modules');
    repo.git('commit', '-q', '--no-verify', '-m', 'planted link');
    run(repo, ['hook', 'install']);
    writeFileSync(join(repo.dir, 'a.txt'), `K=${k('link')}\n`);
    repo.git('add', 'a.txt');
    expect(git(repo, ['commit', '-q', '-m', 'leak']).status).toBe(1);
    expect(existsSync(join(repo.dir, 'pwned'))).toBe(false);
  });

  it('refuses to write through a .husky that is a symbolic link', () => {
    const repo = repoWithCommit();
    const outside = tempDir();
    symlinkSync(outside, join(repo.dir, '.husky'));
    repo.git('config', 'core.hooksPath', '.husky/_');
    const result = run(repo, ['hook', 'install']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/symbolic link/);
    expect(existsSync(join(outside, 'pre-commit'))).toBe(false);
  });

  it('chains an existing hook, which still runs, and uninstall restores it byte for byte', () => {
    const repo = repoWithCommit();
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    const original = '#!/bin/sh\necho "original hook ran" >&2\n';
    writeFileSync(hook, original);
    chmodSync(hook, 0o755);
    expect(run(repo, ['hook', 'install']).stdout).toMatch(/kept as pre-commit\.leakgate-chained and runs first/);
    writeFileSync(join(repo.dir, 'x.txt'), 'x\n');
    repo.git('add', 'x.txt');
    const ok = git(repo, ['commit', '-q', '-m', 'x']);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain('original hook ran');
    expectBlocksKeys(repo);
    const installed = readFileSync(hook);
    expect(run(repo, ['hook', 'install']).stdout).toMatch(/already installed/);
    expect(readFileSync(hook).equals(installed)).toBe(true);
    run(repo, ['hook', 'uninstall']);
    expect(readFileSync(hook, 'utf8')).toBe(original);
    expect(existsSync(`${hook}.leakgate-chained`)).toBe(false);
  });

  it('installs into core.hooksPath', () => {
    const repo = repoWithCommit();
    repo.git('config', 'core.hooksPath', 'githooks');
    run(repo, ['hook', 'install']);
    expect(existsSync(join(repo.dir, 'githooks', 'pre-commit'))).toBe(true);
    expectBlocksKeys(repo);
  });

  it('joins husky: a line in .husky/pre-commit, added once, removed by uninstall', () => {
    const repo = repoWithCommit();
    mkdirSync(join(repo.dir, '.husky', '_'), { recursive: true });
    // What husky v9 sets up: core.hooksPath=.husky/_ whose hooks run .husky/<name>.
    writeFileSync(join(repo.dir, '.husky', '_', 'pre-commit'), '#!/usr/bin/env sh\nsh -e "$(dirname "$0")/../pre-commit" "$@"\n');
    chmodSync(join(repo.dir, '.husky', '_', 'pre-commit'), 0o755);
    writeFileSync(join(repo.dir, '.husky', 'pre-commit'), 'echo lint\n');
    repo.git('config', 'core.hooksPath', '.husky/_');
    expect(run(repo, ['hook', 'install']).stdout).toMatch(/added .* to \.husky\/pre-commit/);
    run(repo, ['hook', 'install']);
    expect(readFileSync(join(repo.dir, '.husky', 'pre-commit'), 'utf8')).toBe(
      'echo lint\nleakgate scan --staged # added by leakgate hook install\n',
    );
    expectBlocksKeys(repo);
    run(repo, ['hook', 'uninstall']);
    expect(readFileSync(join(repo.dir, '.husky', 'pre-commit'), 'utf8')).toBe('echo lint\n');
  });

  it('prints the snippet for the pre-commit framework instead of writing a hook it would overwrite', () => {
    const repo = repoWithCommit();
    writeFileSync(join(repo.dir, '.pre-commit-config.yaml'), 'repos: []\n');
    const out = run(repo, ['hook', 'install']).stdout;
    expect(out).toMatch(/pre-commit framework[\s\S]*entry: npx --no-install leakgate scan --staged/);
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });

  it('works from a linked worktree', () => {
    const repo = repoWithCommit();
    const wt = join(tempDir(), 'wt');
    repo.git('worktree', 'add', '-q', wt);
    run(repo, ['hook', 'install'], withBin(repo), wt);
    expectBlocksKeys(repo, wt);
  });

  it('works inside a submodule, installing into its own hooks directory', () => {
    const lib = repoWithCommit();
    const repo = repoWithCommit();
    repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib.dir, 'vendor/lib');
    repo.git('commit', '-q', '-m', 'add submodule');
    const sub = join(repo.dir, 'vendor', 'lib');
    expect(run(repo, ['hook', 'install'], withBin(repo), sub).stdout).toMatch(/\.git\/modules\/vendor\/lib\/hooks\/pre-commit/);
    expectBlocksKeys(repo, sub);
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });

  it('installs the pre-push hook with --pre-push', () => {
    const repo = repoWithCommit();
    const remote = join(tempDir(), 'r.git');
    execFileSync('git', ['init', '-q', '--bare', remote], { env: repo.env });
    repo.git('remote', 'add', 'origin', remote);
    run(repo, ['hook', 'install', '--pre-push']);
    writeFileSync(join(repo.dir, 'k.txt'), `K=${k('push')}\n`);
    repo.git('add', 'k.txt');
    expect(git(repo, ['commit', '-q', '--no-verify', '-m', 'k']).status).toBe(0);
    const pushed = git(repo, ['push', '-q', 'origin', 'main']);
    expect(pushed.status).not.toBe(0);
    expect(pushed.stderr + pushed.stdout).toContain('k.txt');
  });
});

describe('baseline', () => {
  it('accepts known findings by fingerprint, survives moved lines, and never stores the secret', () => {
    const repo = repoWithCommit();
    writeFileSync(join(repo.dir, 'legacy.py'), `KEY = "${k('known')}"\n`);
    expect(run(repo, ['scan']).code).toBe(1);
    expect(run(repo, ['baseline']).stdout).toMatch(/1 finding\(s\) accepted/);
    const stored = readFileSync(join(repo.dir, '.leakgate-baseline.json'), 'utf8');
    expect(stored).not.toContain(k('known'));
    expect(run(repo, ['scan']).code).toBe(0);
    writeFileSync(join(repo.dir, 'legacy.py'), `import os\n\nKEY = "${k('known')}"\n`);
    const moved = run(repo, ['scan', '--format', 'json']);
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.stdout).stats.baselined).toBe(1);
    writeFileSync(join(repo.dir, 'other.py'), `KEY = "${k('new')}"\n`);
    expect(run(repo, ['scan']).code).toBe(1);
  });
});
