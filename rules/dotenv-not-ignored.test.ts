import { describe, expect, it } from 'vitest';
import rule from './dotenv-not-ignored.js';

const untracked = (path: string) => rule.check({ path, mode: 'worktree', tracked: false });

describe('dotenv-not-ignored', () => {
  it.each(['.env', '.env.local', '.env.development', '.env.production', '.env.staging.local', 'packages/web/.env.local', 'config.env', '.envrc', 'dir with space/.env'])(
    '%s, untracked and not ignored, is a finding with the .gitignore lines that fix it',
    (path) => {
      const verdict = untracked(path);
      expect(verdict).not.toBeNull();
      expect(verdict!.fix).toMatch(path.endsWith('config.env') ? /\*\.env/ : /\.env\*/);
    },
  );

  it.each([
    ['.env.example', 'templates are meant to be committed'],
    ['.env.sample', 'templates are meant to be committed'],
    ['.env.local.example', 'templates are meant to be committed'],
    ['example.env', 'templates are meant to be committed'],
    ['env.ts', 'code that reads the environment'],
    ['src/env/index.js', 'a folder named env'],
    ['.env.d.ts', 'type declarations for import.meta.env'],
    ['.environment', 'not a dotenv name'],
    ['.envoy.yaml', 'Envoy proxy config'],
    ['dotenv.config.js', 'dotenv loader config'],
  ])('%s is not a finding (%s)', (path) => {
    expect(untracked(path)).toBeNull();
  });

  it('judges only untracked files in a sweep inside git', () => {
    expect(rule.check({ path: '.env', mode: 'worktree', tracked: true })).toBeNull();
    expect(rule.check({ path: '.env', mode: 'worktree' })).toBeNull();
    expect(rule.check({ path: '.env', mode: 'staged' })).toBeNull();
  });
});
