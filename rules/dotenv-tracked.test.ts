import { describe, expect, it } from 'vitest';
import rule from './dotenv-tracked.js';

describe('dotenv-tracked', () => {
  it('a tracked dotenv file is a finding that says how to untrack it and to rotate', () => {
    const verdict = rule.check({ path: 'api/.env', mode: 'worktree', tracked: true });
    expect(verdict?.fix).toMatch(/git rm --cached api\/\.env[\s\S]*rotate/);
  });

  it('a commit that adds or changes a dotenv file is blocked, with how to unstage it', () => {
    expect(rule.check({ path: '.env.production', mode: 'staged' })?.fix).toMatch(/git restore --staged \.env\.production/);
  });

  it('a commit in history that added one is reported', () => {
    expect(rule.check({ path: 'config.env', mode: 'history', commit: 'a'.repeat(40) })?.message).toMatch(/A commit added this dotenv file/);
  });

  it.each([
    ['.env.example', 'templates are meant to be committed'],
    ['.env.template', 'templates are meant to be committed'],
    ['environment.ts', 'code'],
  ])('%s is not a finding (%s)', (path) => {
    expect(rule.check({ path, mode: 'worktree', tracked: true })).toBeNull();
    expect(rule.check({ path, mode: 'staged' })).toBeNull();
  });

  it('an untracked or out-of-git dotenv file is not this rule', () => {
    expect(rule.check({ path: '.env', mode: 'worktree', tracked: false })).toBeNull();
    expect(rule.check({ path: '.env', mode: 'worktree' })).toBeNull();
  });
});
