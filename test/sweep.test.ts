// The working-tree sweep, end to end through the built CLI, with git as the oracle of which files
// a sweep must read.

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRepo, json, leakgate, tempDir, writeFiles } from './helpers.js';
import { fake, openai } from './keys.js';

const key = fake.openaiProject();
/** A different key per file, so that each finding names its file. */
const keyFor = (path: string) => `OPENAI_API_KEY=${openai('proj', 74, path)}\n`;

const filesOf = (run: ReturnType<typeof leakgate>) => [...new Set(json(run).findings.map((f) => f.file as string))].sort();

describe('sweep inside a git repository', () => {
  it('reads exactly what git ls-files --cached --others --exclude-standard lists', () => {
    const paths = [
      'a.txt',
      'ignored.log',
      'src/app.ts',
      'src/gen/out.ts',
      'src/gen/keep.ts',
      'pkg/web/.env.local',
      'pkg/web/build/bundle.js',
      'excluded/local.txt',
      'global-ignored.bak',
      'dir with space/ünïcode file.txt',
      'tracked-then-ignored.log',
    ];
    const files = Object.fromEntries(paths.map((p) => [p, keyFor(p)]));
    const excludesFile = join(tempDir(), 'global-ignore');
    writeFileSync(excludesFile, '*.bak\n');
    const repo = gitRepo(
      {
        ...files,
        '.gitignore': '*.log\n',
        'src/.gitignore': 'gen/*\n!gen/keep.ts\n',
        'pkg/web/.gitignore': '.env*\nbuild/\n',
      },
      `[core]\n\texcludesFile = ${excludesFile}\n`,
    );
    writeFileSync(join(repo.dir, '.git/info/exclude'), 'excluded/\n');
    repo.git('add', '-f', 'tracked-then-ignored.log');
    const oracle = repo
      .git('ls-files', '-z', '--cached', '--others', '--exclude-standard')
      .split('\0')
      .filter((p) => paths.includes(p))
      .sort();
    expect(oracle).toEqual(['a.txt', 'dir with space/ünïcode file.txt', 'src/app.ts', 'src/gen/keep.ts', 'tracked-then-ignored.log']);
    const run = leakgate(['scan', '.', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).findings as { file: string; ruleId: string }[];
    // Ignored build output is read too, for keys only: deployed whatever git says (client-bundle-secret).
    expect(findings.filter((f) => f.ruleId === 'client-bundle-secret').map((f) => f.file)).toEqual(['pkg/web/build/bundle.js']);
    expect([...new Set(findings.filter((f) => f.ruleId !== 'client-bundle-secret').map((f) => f.file))].sort()).toEqual(oracle);
  });

  it('scans a subdirectory with repository-relative paths', () => {
    const repo = gitRepo({ 'a/b/c.py': keyFor('c'), 'a/other.py': keyFor('o'), 'z.py': keyFor('z') });
    const run = leakgate(['scan', 'a/b', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    expect(filesOf(run)).toEqual(['a/b/c.py']);
  });

  it('reads a folder that git ignores whole when it is named (node_modules/pkg), git still judging what it tracks', () => {
    const repo = gitRepo({ '.gitignore': 'node_modules/\n', 'app.py': 'print(1)\n' });
    writeFiles(repo.dir, { 'node_modules/pkg/config.js': keyFor('pkg'), 'node_modules/pkg/lib/util.js': keyFor('util'), 'node_modules/pkg/.env': 'DEBUG=1\n' });
    repo.git('add', '-f', 'node_modules/pkg/.env');
    for (const [cwd, target] of [[repo.dir, 'node_modules/pkg'], [join(repo.dir, 'node_modules/pkg'), '.']] as const) {
      const run = leakgate(['scan', target, '--format', 'json'], { cwd, env: repo.env });
      expect(run.code, run.stderr).toBe(1);
      expect(json(run).findings.map((f) => [f.ruleId, f.file]).sort()).toEqual([
        ['dotenv-tracked', 'node_modules/pkg/.env'],
        ['openai-api-key', 'node_modules/pkg/config.js'],
        ['openai-api-key', 'node_modules/pkg/lib/util.js'],
      ]);
    }
    // The whole repository leaves the folder to git, as before.
    expect(filesOf(leakgate(['scan', '.', '--format', 'json'], { cwd: repo.dir, env: repo.env }))).toEqual(['node_modules/pkg/.env']);
  });

  it('reads a file once when targets overlap', () => {
    const repo = gitRepo({ 'src/a.py': keyFor('overlap'), 'b.py': keyFor('b') });
    const run = leakgate(['scan', '.', 'src', 'src/a.py', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    expect(json(run).findings.map((f) => f.file).sort()).toEqual(['b.py', 'src/a.py']);
  });

  it('scans paths with a newline in their name', () => {
    const repo = gitRepo({ 'odd\nname.txt': keyFor('n') });
    const run = leakgate(['scan', '.', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    expect(filesOf(run)).toEqual(['odd\nname.txt']);
  });

  it('passes over files deleted from the work tree but still in the index', () => {
    const repo = gitRepo({ 'gone.txt': keyFor('g'), 'here.txt': 'nothing\n' });
    repo.git('add', '-A');
    execFileSync('rm', [join(repo.dir, 'gone.txt')]);
    const run = leakgate(['scan', '.', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    expect(run.code).toBe(0);
    expect(json(run).errors).toEqual([]);
  });

  it('does not follow a symbolic link out of the tree', () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.txt'), keyFor('outside'));
    const repo = gitRepo({ 'inside.txt': 'hello\n' });
    symlinkSync(join(outside, 'secret.txt'), join(repo.dir, 'link.txt'));
    symlinkSync(outside, join(repo.dir, 'linkdir'));
    const run = leakgate(['scan', '.', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    expect(run.code).toBe(0);
    expect(json(run).stats.skipped).toBeGreaterThanOrEqual(1);
  });

  it('works in an empty repository', () => {
    const repo = gitRepo();
    const run = leakgate(['scan'], { cwd: repo.dir, env: repo.env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no secrets found');
  });
});

describe('sweep outside git', () => {
  it('scans every file except .git/ and node_modules/', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'a.txt': keyFor('a'),
      '.hidden/b.txt': keyFor('b'),
      'node_modules/pkg/index.js': keyFor('nm'),
      'sub/node_modules/x.js': keyFor('nm2'),
      '.git/config': keyFor('git'),
      'ignored.log': keyFor('log'),
      '.gitignore': '*.log\n',
    });
    const run = leakgate(['scan', dir, '--format', 'json'], { cwd: dir });
    expect(filesOf(run)).toEqual(['.hidden/b.txt', 'a.txt', 'ignored.log']);
  });
});

describe('bad input', () => {
  it('skips binary files by content, whatever their extension', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'looks-like-text.txt': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), Buffer.from(keyFor('bin'))]),
      'image.png': keyFor('png-named-text'),
    });
    const run = leakgate(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(filesOf(run)).toEqual(['image.png']);
    expect(json(run).stats.skipped).toBe(1);
  });

  it('lists files over --max-file-size as skipped and still scans the rest', () => {
    const dir = tempDir();
    writeFiles(dir, { 'big.txt': `${'x'.repeat(3000)}\n${keyFor('big')}`, 'small.txt': keyFor('small') });
    const run = leakgate(['scan', '.', '--format', 'json', '--max-file-size', '2k'], { cwd: dir });
    const report = json(run);
    expect(run.code).toBe(1);
    expect(filesOf(run)).toEqual(['small.txt']);
    expect(report.skipped).toEqual([{ file: 'big.txt', reason: expect.stringContaining('max-file-size') }]);
  });

  it('finds keys in files that are not valid UTF-8, with CRLF and no trailing newline', () => {
    const dir = tempDir();
    writeFiles(dir, { 'latin1.txt': Buffer.concat([Buffer.from('caf\xe9\r\n', 'latin1'), Buffer.from(`KEY=${key}`)]) });
    const run = leakgate(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(json(run).findings).toMatchObject([{ file: 'latin1.txt', line: 2, column: 5 }]);
  });

  it('reports an unreadable file, goes on with the others, and exits 2', () => {
    const dir = tempDir();
    writeFiles(dir, { 'locked/secret.txt': keyFor('locked'), 'open.txt': keyFor('open'), 'noperm.txt': keyFor('noperm') });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'open.txt'), 0o644);
    chmodSync(join(dir, 'noperm.txt'), 0o000);
    chmodSync(join(dir, 'locked'), 0o000);
    // Root reads anything: run as an unprivileged user then.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    const run = leakgate(['scan', dir, '--format', 'json'], { cwd: dir, ...(uid === undefined ? {} : { uid }) });
    const report = json(run);
    expect(run.code).toBe(2);
    expect(filesOf(run)).toEqual(['open.txt']);
    expect(report.errors.map((e) => e.file).sort()).toEqual(['locked', 'noperm.txt']);
  });

  it('exits 2 with a clear message for a missing path', () => {
    const run = leakgate(['scan', 'does-not-exist'], { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/leakgate: .*does-not-exist/);
  });

  it('exits 2 on an unknown option', () => {
    const run = leakgate(['scan', '--no-such-flag'], { cwd: tempDir() });
    expect(run.code).toBe(2);
  });
});

describe('threads', () => {
  it('gives the same report with and without worker threads', () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`d${i % 7}/f${i}.txt`] = i % 37 === 0 ? keyFor(`t${i}`) : `line ${i}\n`.repeat(20);
    // Files larger than a window (1 MiB) travel from a worker on their own, a key at either end.
    for (let i = 0; i < 3; i++) files[`big/b${i}.txt`] = `${keyFor(`head${i}`)}${'x = 1;\n'.repeat(200_000)}${keyFor(`tail${i}`)}`;
    writeFiles(dir, files);
    mkdirSync(join(dir, 'empty'));
    const strip = (r: ReturnType<typeof json>) => ({ ...r, stats: { ...r.stats, durationMs: 0 } });
    const a = strip(json(leakgate(['scan', '.', '--format', 'json', '--threads', '0'], { cwd: dir })));
    const b = strip(json(leakgate(['scan', '.', '--format', 'json', '--threads', '2'], { cwd: dir })));
    expect(a.findings).toHaveLength(17);
    expect(a.findings.filter((f) => f.file === 'big/b1.txt').map((f) => f.line)).toEqual([1, 200_002]);
    expect(b).toEqual(a);
  });
});

describe('threads, many batches', () => {
  it('reads every listed file whatever thread takes its batch, to the last batch', () => {
    // Many small batches (512 files), so that the workers are full and batches wait in the queue
    // when listing ends; each run must count every file.
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 12_000; i++) files[`d${i % 40}/f${i}.txt`] = i % 1000 === 0 ? keyFor(`m${i}`) : 'x\n';
    writeFiles(dir, files);
    for (let run = 0; run < 4; run++) {
      const report = json(leakgate(['scan', '.', '--format', 'json', '--threads', '1'], { cwd: dir }));
      expect(report.stats.files).toBe(12_000);
      expect(report.findings).toHaveLength(12);
    }
  });
});

describe('command line', () => {
  it('rejects malformed option values with exit 2 and a message', () => {
    const dir = tempDir();
    for (const args of [['--threads', 'x'], ['--threads', '-1'], ['--format', 'xml'], ['--max-file-size', 'huge'], ['a', 'b']]) {
      const run = leakgate(['scan', ...args], { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^leakgate: /);
    }
  });

  it('reads short and negated options', () => {
    const dir = tempDir();
    writeFiles(dir, { 'k.env': `K=${key}\n` });
    const run = leakgate(['scan', '-f', 'json', '--no-redact'], { cwd: dir });
    expect(json(run).findings[0]!.secret).toBe(key);
  });

  it('reports findings down to --confidence (medium by default), and runs only --rules', () => {
    const dir = tempDir();
    const token = fake.token('conf');
    writeFiles(dir, { 'a.py': `api_key = "${token}"\nkey = "${fake.token('weak')}"\nOPENAI = "${key}"\n`, 'tests/b.py': `password = "${fake.password()}"\n` });
    const found = (...args: string[]) => json(leakgate(['scan', '.', '--format', 'json', ...args], { cwd: dir })).findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.confidence}`);
    expect(found()).toEqual(['a.py:1 hardcoded-credential high', 'a.py:3 openai-api-key high']);
    expect(found('--confidence', 'high')).toEqual(['a.py:1 hardcoded-credential high', 'a.py:3 openai-api-key high']);
    expect(found('--confidence', 'low')).toEqual(['a.py:1 hardcoded-credential high', 'a.py:2 hardcoded-credential low', 'a.py:3 openai-api-key high', 'tests/b.py:1 hardcoded-credential low']);
    expect(found('--rules', 'openai-api-key')).toEqual(['a.py:3 openai-api-key high']);
    const unknown = leakgate(['scan', '.', '--rules', 'no-such-rule'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown rule id: no-such-rule');
  });

  it('prints help and the version', () => {
    const dir = tempDir();
    expect(leakgate(['scan', '--help'], { cwd: dir }).stdout).toContain('--max-file-size');
    expect(leakgate(['--version'], { cwd: dir }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(leakgate(['rules', '--format', 'json'], { cwd: dir }).stdout).toContain('"openai-api-key"');
  });
});
