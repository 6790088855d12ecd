// The pre-commit scan against real git: exactly the lines the commit adds, read from the index.

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, type Repo, gitRepo, json, leakgate, tempDir, writeFiles } from './helpers.js';
import { openai } from './keys.js';

const k = (seed: string) => openai('proj', 74, seed);
const staged = (repo: Repo, cwd = repo.dir) => json(leakgate(['scan', '--staged', '--format', 'json'], { cwd, env: repo.env }));
const where = (r: ReturnType<typeof json>) => r.findings.map((f) => `${f.file}:${f.line}:${f.column}`);

function committed(files: Record<string, string>): Repo {
  const repo = gitRepo(files);
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'base');
  return repo;
}

/** A pre-commit hook that runs the built CLI on the staged changes. */
function installHook(repo: Repo): void {
  const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
  writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" scan --staged\n`);
  chmodSync(hook, 0o755);
}

const commit = (repo: Repo, ...args: string[]) => spawnSync('git', ['commit', '-q', ...args], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });

describe('scan --staged', () => {
  it('reads the index before the first commit, with staged line numbers', () => {
    const repo = gitRepo({ 'app.py': `import os\n\nKEY = "${k('first')}"\n` });
    repo.git('add', 'app.py');
    const r = staged(repo);
    expect(r.mode).toBe('staged');
    expect(where(r)).toEqual(['app.py:3:8']);
  });

  it('reports nothing on lines the commit does not add', () => {
    const repo = committed({ 'config.py': `KEY = "${k('old')}"\nDEBUG = False\n` });
    writeFileSync(join(repo.dir, 'config.py'), `KEY = "${k('old')}"\nDEBUG = True\n`);
    repo.git('add', 'config.py');
    expect(where(staged(repo))).toEqual([]);
  });

  it('scans the index, not the working copy', () => {
    const repo = committed({ 'a.txt': 'one\n' });
    writeFileSync(join(repo.dir, 'a.txt'), `one\nK=${k('staged')}\n`);
    repo.git('add', 'a.txt');
    writeFileSync(join(repo.dir, 'a.txt'), 'one\nclean now\n');
    writeFileSync(join(repo.dir, 'untracked.txt'), `K=${k('untracked')}\n`);
    expect(where(staged(repo))).toEqual(['a.txt:2:3']);
  });

  it('follows partial staging (git add -p)', () => {
    const body = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const repo = committed({ 'p.txt': `${body.join('\n')}\n` });
    const edited = [...body];
    edited.splice(2, 0, `A=${k('hunk-a')}`);
    edited.splice(18, 0, `B=${k('hunk-b')}`);
    writeFileSync(join(repo.dir, 'p.txt'), `${edited.join('\n')}\n`);
    execFileSync('git', ['add', '-p', 'p.txt'], { cwd: repo.dir, env: repo.env, input: 'n\ny\n' });
    // Only the second hunk is staged; in the staged file it sits at line 18 (the first is not there).
    expect(where(staged(repo))).toEqual(['p.txt:18:3']);
  });

  it('blocks git commit -a with a key in a tracked file (temporary index), and passes without -a', () => {
    const repo = committed({ 'svc.js': 'module.exports = {};\n' });
    installHook(repo);
    writeFileSync(join(repo.dir, 'svc.js'), `module.exports = { key: "${k('am')}" };\n`);
    writeFileSync(join(repo.dir, 'other.txt'), 'harmless\n');
    repo.git('add', 'other.txt');
    const plain = commit(repo, '-m', 'other only');
    expect(plain.status).toBe(0);
    const all = commit(repo, '-am', 'everything');
    expect(all.status).not.toBe(0);
    expect(all.stdout + all.stderr).toContain('openai-api-key');
    expect(all.stdout + all.stderr).not.toContain(k('am'));
  });

  it('blocks git commit <paths> (the hook gets a temporary index) and git commit --amend', () => {
    const repo = committed({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
    installHook(repo);
    writeFileSync(join(repo.dir, 'b.txt'), `b\nK=${k('only')}\n`);
    expect(commit(repo, '-m', 'paths', 'b.txt').status).not.toBe(0);
    repo.git('checkout', '--', 'b.txt');
    writeFileSync(join(repo.dir, 'a.txt'), `a\nK=${k('amend')}\n`);
    repo.git('add', 'a.txt');
    expect(commit(repo, '--amend', '-m', 'amended').status).not.toBe(0);
    expect(commit(repo, '--amend', '--no-verify', '-m', 'amended').status).toBe(0);
  });

  it('finds a key added while resolving a merge conflict', () => {
    const repo = committed({ 'conf.ini': 'key=none\n' });
    repo.git('checkout', '-q', '-b', 'topic');
    writeFileSync(join(repo.dir, 'conf.ini'), 'key=topic\n');
    repo.git('commit', '-qam', 'topic');
    repo.git('checkout', '-q', 'main');
    writeFileSync(join(repo.dir, 'conf.ini'), 'key=main\n');
    repo.git('commit', '-qam', 'main');
    spawnSync('git', ['merge', '-q', 'topic'], { cwd: repo.dir, env: repo.env });
    writeFileSync(join(repo.dir, 'conf.ini'), `key=${k('resolution')}\n`);
    repo.git('add', 'conf.ini');
    expect(where(staged(repo))).toEqual(['conf.ini:1:5']);
  });

  it('scans only the changed lines of a renamed file, and nothing of a deleted one', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `setting_${i} = ${i}`);
    const repo = committed({ 'old/name.py': `KEY = "${k('moved')}"\n${lines.join('\n')}\n`, 'gone.py': `KEY = "${k('gone')}"\n` });
    repo.git('mv', 'old/name.py', 'new name.py');
    writeFileSync(join(repo.dir, 'new name.py'), `KEY = "${k('moved')}"\n${lines.join('\n')}\nEXTRA = "${k('extra')}"\n`);
    repo.git('rm', '-q', 'gone.py');
    repo.git('add', '-A');
    expect(where(staged(repo))).toEqual(['new name.py:32:10']);
  });

  it('skips staged binary files and reads CRLF files and odd paths', () => {
    const repo = committed({ 'keep.txt': 'x\n' });
    writeFiles(repo.dir, {
      'blob.bin': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`K=${k('bin')}\n`)]),
      'win.txt': `first\r\nK=${k('crlf')}\r\n`,
      'dir with space/ünï\ncode.txt': `K=${k('odd')}\n`,
    });
    repo.git('add', '-A');
    const r = staged(repo);
    expect(where(r)).toEqual(['dir with space/ünï\ncode.txt:1:3', 'win.txt:2:3']);
    expect(r.skipped).toEqual([{ file: 'blob.bin', reason: 'binary' }]);
  });

  it('works in a linked worktree and from a subdirectory', () => {
    const repo = committed({ 'sub/a.txt': 'a\n' });
    const wt = join(tempDir(), 'wt');
    repo.git('worktree', 'add', '-q', wt);
    writeFileSync(join(wt, 'sub', 'a.txt'), `a\nK=${k('wt')}\n`);
    execFileSync('git', ['add', 'sub/a.txt'], { cwd: wt, env: repo.env });
    expect(where(staged(repo, join(wt, 'sub')))).toEqual(['sub/a.txt:2:3']);
    expect(where(staged(repo))).toEqual([]);
  });

  it('ignores a submodule pointer change', () => {
    const sub = committed({ 'lib.txt': 'lib\n' });
    const repo = committed({ 'main.txt': 'main\n' });
    repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.dir, 'vendor/lib');
    const r = staged(repo);
    expect(r.findings).toEqual([]);
    expect(r.errors).toEqual([]);
  });

  it('is not changed by diff configuration (diff.interHunkContext, diff.context)', () => {
    const repo = committed({ 'f.txt': `a\nold=${k('old-ctx')}\nb\nc\nd\n` });
    repo.git('config', 'diff.interHunkContext', '5');
    repo.git('config', 'diff.context', '0');
    writeFileSync(join(repo.dir, 'f.txt'), `A1\nA2=${k('new-ctx')}\nold=${k('old-ctx')}\nb\nc\nD\n`);
    repo.git('add', 'f.txt');
    expect(where(staged(repo))).toEqual(['f.txt:2:4']);
  });

  it('judges a key by the vendor named on an unchanged line nearby (DeepSeek)', () => {
    const deepseek = ['sk', '4f9a1c3e7b2d8a6f0e5c9b1d3a7f2e8c'].join('-');
    const repo = committed({ 'ds.py': 'client = OpenAI(\n    api_key=os.environ["K"],\n    base_url="https://api.deepseek.com",\n)\n' });
    writeFileSync(join(repo.dir, 'ds.py'), `client = OpenAI(\n    api_key="${deepseek}",\n    base_url="https://api.deepseek.com",\n)\n`);
    repo.git('add', 'ds.py');
    const r = staged(repo);
    expect(r.findings.map((f) => [f.ruleId, f.line])).toEqual([['deepseek-api-key', 2]]);
  });

  it('judges binary by the added lines, not by a NUL byte in the context around them', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    lines[20] = 'data\0here';
    const repo = committed({ 'f.txt': `${lines.join('\n')}\n` });
    writeFileSync(join(repo.dir, 'f.txt'), `${lines.join('\n')}\nk=${k('nul-context')}\n`);
    repo.git('add', 'f.txt');
    expect(where(staged(repo))).toEqual(['f.txt:31:3']);
  });

  it('blocks renaming a file to .env, even with no content change', () => {
    const repo = committed({ 'cfg.txt': 'FOO=bar\n' });
    repo.git('mv', 'cfg.txt', '.env');
    expect(staged(repo).findings.map((f) => [f.ruleId, f.file])).toEqual([['dotenv-tracked', '.env']]);
  });

  it('limits the scan to the given paths', () => {
    const repo = gitRepo({ 'a.txt': `K=${k('pa')}\n`, 'b.txt': `K=${k('pb')}\n` });
    repo.git('add', '-A');
    const r = json(leakgate(['scan', '--staged', 'b.txt', '--format', 'json'], { cwd: repo.dir, env: repo.env }));
    expect(where(r)).toEqual(['b.txt:1:3']);
  });

  it('never changes the index or the working tree', () => {
    const repo = committed({ 'a.txt': 'a\n' });
    writeFileSync(join(repo.dir, 'a.txt'), `a\nK=${k('ro')}\n`);
    repo.git('add', 'a.txt');
    writeFileSync(join(repo.dir, 'a.txt'), 'a\nlater edit\n');
    const index = readFileSync(join(repo.dir, '.git', 'index'));
    const status = repo.git('status', '--porcelain');
    expect(leakgate(['scan', '--staged'], { cwd: repo.dir, env: repo.env }).code).toBe(1);
    expect(readFileSync(join(repo.dir, '.git', 'index')).equals(index)).toBe(true);
    expect(repo.git('status', '--porcelain')).toBe(status);
    expect(readFileSync(join(repo.dir, 'a.txt'), 'utf8')).toBe('a\nlater edit\n');
  });

  it('says so when nothing is staged, and fails outside git', () => {
    const repo = committed({ 'a.txt': 'a\n' });
    const run = leakgate(['scan', '--staged'], { cwd: repo.dir, env: repo.env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/nothing to scan/);
    const outside = leakgate(['scan', '--staged'], { cwd: tempDir() });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/not inside a git work tree/);
  });
});

describe('explicit files', () => {
  it('scans the working copies of the files named', () => {
    const repo = committed({ 'a.txt': `K=${k('ea')}\n`, 'b.txt': `K=${k('eb')}\n`, 'c.txt': 'clean\n' });
    const run = leakgate(['scan', 'a.txt', 'c.txt', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    expect(where(json(run))).toEqual(['a.txt:1:3']);
    rmSync(join(repo.dir, 'c.txt'));
    renameSync(join(repo.dir, 'b.txt'), join(repo.dir, 'b2.txt'));
    expect(leakgate(['scan', 'b.txt'], { cwd: repo.dir, env: repo.env }).code).toBe(2);
  });
});
