// .env hygiene end to end, with git as the oracle of what is ignored and tracked.

import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Repo, gitRepo, json, leakgate, tempDir, writeFiles } from './helpers.js';
import { openai } from './keys.js';

const k = (seed: string) => openai('proj', 74, seed);
const sweep = (repo: Repo, ...extra: string[]) => json(leakgate(['scan', '--format', 'json', ...extra], { cwd: repo.dir, env: repo.env }));
const byRule = (r: ReturnType<typeof json>, rule: string) => r.findings.filter((f) => f.ruleId === rule).map((f) => f.file).sort();

describe('dotenv-not-ignored and dotenv-tracked in a sweep', () => {
  it('finds unignored dotenv files at the root and in nested packages, and respects every kind of ignore', () => {
    const excludes = join(tempDir(), 'global-excludes');
    writeFileSync(excludes, '.env.global\n');
    const repo = gitRepo(
      {
        '.env': `OPENAI_API_KEY=${k('root')}\n`,
        'packages/web/.env.local': 'NEXT_PUBLIC_SITE=x\n',
        'packages/api/.env': `KEY=${k('nested-ignored')}\n`,
        'packages/api/.gitignore': '.env\n',
        'excluded/.env': `KEY=${k('info-exclude')}\n`,
        '.env.global': `KEY=${k('global')}\n`,
        'config.env': 'A=1\n',
        '.envrc': 'export A=1\n',
        '.env.example': 'OPENAI_API_KEY=sk-...\n',
        'src/env.ts': 'export const env = process.env;\n',
      },
      `[core]\n\texcludesFile = ${excludes}\n`,
    );
    writeFileSync(join(repo.dir, '.git', 'info', 'exclude'), 'excluded/\n');
    const r = sweep(repo);
    expect(byRule(r, 'dotenv-not-ignored')).toEqual(['.env', '.envrc', 'config.env', 'packages/web/.env.local']);
    // Keys inside ignored dotenv files are where they belong: not reported.
    expect(byRule(r, 'openai-api-key')).toEqual(['.env']);
    expect(r.findings.find((f) => f.ruleId === 'dotenv-not-ignored' && f.file === '.env')).toMatchObject({ severity: 'high' });
    expect(r.findings.find((f) => f.file === '.env' && f.ruleId === 'dotenv-not-ignored')!.fix).toMatch(/\.env\*/);
  });

  it('honours negated patterns: the re-included file is a finding, templates are not', () => {
    const repo = gitRepo({ '.gitignore': '.env*\n!.env.example\n!.env.local\n', '.env': 'A=1\n', '.env.local': 'B=2\n', '.env.example': 'A=\n' });
    expect(byRule(sweep(repo), 'dotenv-not-ignored')).toEqual(['.env.local']);
  });

  it('reports a tracked dotenv file even when .gitignore now lists it', () => {
    const repo = gitRepo({ '.env': 'A=1\n' });
    repo.git('add', '.env');
    repo.git('commit', '-q', '-m', 'oops');
    writeFileSync(join(repo.dir, '.gitignore'), '.env\n');
    const r = sweep(repo);
    expect(byRule(r, 'dotenv-tracked')).toEqual(['.env']);
    expect(byRule(r, 'dotenv-not-ignored')).toEqual([]);
    expect(r.findings.find((f) => f.ruleId === 'dotenv-tracked')).toMatchObject({ severity: 'critical', fix: expect.stringContaining('git rm --cached .env') });
  });

  it('scans templates: placeholders are clean, a real key is a finding', () => {
    const repo = gitRepo({ '.env.example': 'OPENAI_API_KEY=sk-your-api-key-here\n', '.env.sample': `OPENAI_API_KEY=${k('template')}\n` });
    const r = sweep(repo);
    expect(r.findings.map((f) => [f.ruleId, f.file])).toEqual([['openai-api-key', '.env.sample']]);
  });

  it('judges a dotenv file named on the command line by its git status', () => {
    const repo = gitRepo({ '.env': 'A=1\n', '.env.local': 'B=2\n', '.gitignore': '.env.local\n' });
    repo.git('add', '.env');
    repo.git('commit', '-q', '-m', 'tracked env');
    const named = (file: string) => json(leakgate(['scan', file, '--format', 'json'], { cwd: repo.dir, env: repo.env }));
    expect(named('.env').findings.map((f) => f.ruleId)).toEqual(['dotenv-tracked']);
    const ignored = named('.env.local');
    expect(ignored.findings).toEqual([]);
    expect((ignored as unknown as { notes?: string[] }).notes).toBeUndefined();
  });

  it('outside git says it cannot judge instead of guessing', () => {
    const dir = tempDir();
    writeFiles(dir, { '.env': 'A=1\n', 'sub/.env.local': 'B=2\n' });
    const run = leakgate(['scan', '--format', 'json'], { cwd: dir });
    const r = json(run);
    expect(run.code).toBe(0);
    expect(byRule(r, 'dotenv-not-ignored')).toEqual([]);
    expect((r as unknown as { notes: string[] }).notes[0]).toMatch(/2 dotenv files .* not in a git repository/);
  });
});

describe('scan --fix', () => {
  it('appends the missing lines, keeps what was there, is confirmed by git check-ignore, and is idempotent', () => {
    const repo = gitRepo({ '.gitignore': 'node_modules/\n# keep\ndist', '.env': 'A=1\n', 'apps/x/.env.production': 'B=1\n', 'app.env': 'C=1\n', '.env.example': 'A=\n' });
    const first = leakgate(['scan', '--fix', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    expect(first.stderr).toMatch(/appended to .*\.gitignore:[\s\S]*\+ \.env\*[\s\S]*\+ \*\.env/);
    expect(first.code).toBe(0);
    const gitignore = readFileSync(join(repo.dir, '.gitignore'), 'utf8');
    expect(gitignore.startsWith('node_modules/\n# keep\ndist\n')).toBe(true);
    expect(repo.git('check-ignore', '.env', 'apps/x/.env.production', 'app.env').trim().split('\n')).toEqual(['.env', 'apps/x/.env.production', 'app.env']);
    expect(() => repo.git('check-ignore', '.env.example')).toThrow();
    const second = leakgate(['scan', '--fix'], { cwd: repo.dir, env: repo.env });
    expect(second.stderr).toMatch(/nothing changed/);
    expect(readFileSync(join(repo.dir, '.gitignore'), 'utf8')).toBe(gitignore);
  });
});

describe('writing safely', () => {
  it('refuses to write through a .gitignore or baseline that is a symbolic link', () => {
    const outside = join(tempDir(), 'outside.txt');
    writeFileSync(outside, 'untouched\n');
    const repo = gitRepo({ '.env': 'A=1\n' });
    symlinkSync(outside, join(repo.dir, '.gitignore'));
    const fix = leakgate(['scan', '--fix'], { cwd: repo.dir, env: repo.env });
    expect(fix.code).toBe(2);
    expect(fix.stderr).toMatch(/refusing to write .*symbolic link/);
    symlinkSync(outside, join(repo.dir, '.leakgate-baseline.json'));
    const baseline = leakgate(['baseline'], { cwd: repo.dir, env: repo.env });
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toMatch(/symbolic link/);
    expect(readFileSync(outside, 'utf8')).toBe('untouched\n');
  });
});

describe('dotenv files in commits', () => {
  it('blocks a commit that adds a dotenv file, not one that adds a template or untracks the file', () => {
    const repo = gitRepo({ 'README': 'x\n' });
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'base');
    writeFiles(repo.dir, { '.env': 'A=1\n', '.env.example': 'A=\n' });
    repo.git('add', '-f', '.env', '.env.example');
    const staged = json(leakgate(['scan', '--staged', '--format', 'json'], { cwd: repo.dir, env: repo.env }));
    expect(staged.findings.map((f) => [f.ruleId, f.file])).toEqual([['dotenv-tracked', '.env']]);
    repo.git('commit', '-q', '-m', 'env');
    repo.git('rm', '-q', '--cached', '.env');
    expect(leakgate(['scan', '--staged'], { cwd: repo.dir, env: repo.env }).code).toBe(0);
    writeFileSync(join(repo.dir, '.env'), '');
    repo.git('add', '-f', '.env');
    expect(json(leakgate(['scan', '--staged', '--format', 'json'], { cwd: repo.dir, env: repo.env })).findings.map((f) => f.ruleId)).toEqual(['dotenv-tracked']);
  });

  it('reports the commit that added a dotenv file later deleted, with the keys it held', () => {
    const repo = gitRepo({ 'README': 'x\n' });
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'base');
    writeFileSync(join(repo.dir, '.env.production'), `OPENAI_API_KEY=${k('history')}\n`);
    repo.git('add', '-f', '.env.production');
    repo.git('commit', '-q', '-m', 'add env');
    const added = repo.git('rev-parse', 'HEAD').trim();
    repo.git('rm', '-q', '.env.production');
    repo.git('commit', '-q', '-m', 'remove env');
    const r = json(leakgate(['scan', '--history', '--format', 'json'], { cwd: repo.dir, env: repo.env }));
    expect(r.findings.map((f) => [f.ruleId, f.file, f.commit])).toEqual([
      ['dotenv-tracked', '.env.production', added],
      ['openai-api-key', '.env.production', added],
    ]);
  });
});
