// The history sweep against real git: every blob once, each secret attributed to the commit that
// brought it to its path.

import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Repo, gitRepo, json, leakgate, tempDir } from './helpers.js';
import { openai } from './keys.js';

const k = (seed: string) => openai('proj', 74, seed);
const history = (repo: Repo, ...extra: string[]) => {
  const run = leakgate(['scan', '--history', '--format', 'json', ...extra], { cwd: repo.dir, env: repo.env });
  return { run, report: json(run) };
};
const sha = (repo: Repo, rev = 'HEAD') => repo.git('rev-parse', rev).trim();

function commitFile(repo: Repo, path: string, content: string, message: string): string {
  writeFileSync(join(repo.dir, path), content);
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', message);
  return sha(repo);
}

describe('scan --history', () => {
  it('finds a key that was added and removed later, at the commit that added it', () => {
    const repo = gitRepo();
    commitFile(repo, 'app.py', 'import os\n', 'start');
    const added = commitFile(repo, 'app.py', `import os\nKEY = "${k('removed')}"\n`, 'add key');
    const kept = commitFile(repo, 'app.py', `import os\nKEY = "${k('removed')}"\nDEBUG = 1\n`, 'touch');
    commitFile(repo, 'app.py', 'import os\nKEY = os.environ["KEY"]\n', 'remove key');
    const { run, report } = history(repo);
    expect(run.code).toBe(1);
    expect(report.mode).toBe('history');
    expect(report.findings).toMatchObject([
      { file: 'app.py', line: 2, column: 8, commit: added, author: 'Test <test@example.invalid>', laterCommits: 1 },
    ]);
    expect(kept).not.toBe(added);
    expect(String(report.findings[0]!.date)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('finds keys in deleted files, renamed files and unmerged branches', () => {
    const repo = gitRepo();
    commitFile(repo, 'README', 'hi\n', 'start');
    const deleted = commitFile(repo, 'old.env', `K=${k('deleted')}\n`, 'env');
    repo.git('rm', '-q', 'old.env');
    repo.git('commit', '-q', '-m', 'delete');
    commitFile(repo, 'a.txt', `K=${k('moved')}\n`, 'a');
    repo.git('mv', 'a.txt', 'b.txt');
    repo.git('commit', '-q', '-m', 'rename');
    const renamed = sha(repo);
    repo.git('checkout', '-q', '-b', 'unmerged');
    const branch = commitFile(repo, 'branch.txt', `K=${k('branch')}\n`, 'on a branch');
    repo.git('checkout', '-q', 'main');
    const { report } = history(repo);
    const got = report.findings.map((f) => [f.file, f.commit]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['old.env', deleted],
        ['b.txt', renamed],
        ['branch.txt', branch],
      ]),
    );
    expect(got).toHaveLength(5); // a.txt at its own commit too, and old.env as a committed dotenv file
    expect(report.findings.filter((f) => f.ruleId === 'dotenv-tracked')).toMatchObject([{ file: 'old.env', commit: deleted }]);
  });

  it('finds a key added while resolving a merge conflict, at the merge commit', () => {
    const repo = gitRepo();
    commitFile(repo, 'conf.ini', 'key=none\n', 'base');
    repo.git('checkout', '-q', '-b', 'topic');
    commitFile(repo, 'conf.ini', 'key=topic\n', 'topic');
    repo.git('checkout', '-q', 'main');
    commitFile(repo, 'conf.ini', 'key=main\n', 'main');
    spawnSync('git', ['merge', '-q', 'topic'], { cwd: repo.dir, env: repo.env });
    const merge = commitFile(repo, 'conf.ini', `key=${k('merge')}\n`, 'merge');
    expect(history(repo).report.findings).toMatchObject([{ file: 'conf.ini', commit: merge }]);
  });

  it('limits the scan with --range and --since', () => {
    const repo = gitRepo();
    const first = commitFile(repo, 'one.txt', `K=${k('one')}\n`, 'one');
    const second = commitFile(repo, 'two.txt', `K=${k('two')}\n`, 'two');
    const files = (extra: string[]) => history(repo, ...extra).report.findings.map((f) => f.file);
    expect(files(['--range', `${first}..${second}`])).toEqual(['two.txt']);
    expect(files(['--since', first])).toEqual(['two.txt']);
    expect(files([])).toEqual(['one.txt', 'two.txt']);
  });

  it('leaves stashes out unless --stash is given', () => {
    const repo = gitRepo();
    commitFile(repo, 'a.txt', 'a\n', 'a');
    writeFileSync(join(repo.dir, 'a.txt'), `a\nK=${k('stash')}\n`);
    repo.git('stash', '-q');
    expect(history(repo).report.findings).toEqual([]);
    expect(history(repo, '--stash').report.findings.map((f) => f.file)).toEqual(['a.txt']);
  });

  it('scans what a shallow clone has and says what is missing', () => {
    const origin = gitRepo();
    commitFile(origin, 'old.txt', `K=${k('old')}\n`, 'old');
    commitFile(origin, 'new.txt', `K=${k('new')}\n`, 'new');
    const dir = join(tempDir(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, dir], { env: origin.env });
    const run = leakgate(['scan', '--history', '--format', 'json'], { cwd: dir, env: origin.env });
    expect(run.code).toBe(2);
    const report = json(run);
    expect(report.findings.map((f) => f.file).sort()).toEqual(['new.txt', 'old.txt']);
    expect(report.errors).toEqual([{ file: '(history)', message: expect.stringContaining('shallow clone') }]);
  });

  it('reports objects missing from a partial clone without fetching them', () => {
    const origin = gitRepo();
    origin.git('config', 'uploadpack.allowFilter', 'true');
    commitFile(origin, 'old.txt', `K=${k('partial-old')}\n`, 'old');
    origin.git('rm', '-q', 'old.txt');
    origin.git('commit', '-q', '-m', 'rm');
    commitFile(origin, 'new.txt', `K=${k('partial-new')}\n`, 'new');
    const dir = join(tempDir(), 'partial');
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${origin.dir}`, dir], { env: origin.env });
    const before = execFileSync('git', ['count-objects', '-v'], { cwd: dir, env: origin.env, encoding: 'utf8' });
    const run = leakgate(['scan', '--history', '--format', 'json'], { cwd: dir, env: origin.env });
    expect(run.code).toBe(2);
    const report = json(run);
    expect(report.findings.map((f) => f.file)).toEqual(['new.txt']);
    expect(report.errors[0]!.message).toMatch(/1 object is missing/);
    expect(execFileSync('git', ['count-objects', '-v'], { cwd: dir, env: origin.env, encoding: 'utf8' })).toBe(before);
  });

  it('is clean on an empty repository and fails outside git', () => {
    const repo = gitRepo();
    const { run, report } = history(repo);
    expect(run.code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(leakgate(['scan', '--history'], { cwd: tempDir() }).code).toBe(2);
  });
});
