// The CI gate and the pre-push scan: which commits they scan, against real git, and the plans
// they derive from each CI's environment.

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ciPlan, prePushPlan } from '../src/ci.js';
import { BIN, type Repo, gitRepo, json, leakgate, tempDir } from './helpers.js';
import { openai } from './keys.js';

const k = (seed: string) => openai('proj', 74, seed);
const ZERO = '0'.repeat(40);

function commitFile(repo: Repo, path: string, content: string): string {
  writeFileSync(join(repo.dir, path), content);
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', `edit ${path}`);
  return repo.git('rev-parse', 'HEAD').trim();
}

describe('ciPlan', () => {
  it('GitHub Actions: pull request base..head, push before..after, new branch off the default branch', () => {
    const gh = { GITHUB_ACTIONS: 'true' };
    expect(ciPlan({ ...gh, GITHUB_EVENT_NAME: 'pull_request' }, { pull_request: { base: { sha: 'b1' }, head: { sha: 'h1' } } }).revs).toEqual(['b1..h1']);
    expect(ciPlan({ ...gh, GITHUB_EVENT_NAME: 'push' }, { before: 'b2', after: 'a2' }).revs).toEqual(['b2..a2']);
    expect(ciPlan({ ...gh, GITHUB_EVENT_NAME: 'push' }, { before: ZERO, after: 'a3', repository: { default_branch: 'main' } })).toMatchObject({
      revs: ['a3'],
      exclude: 'refs/remotes/origin/main',
    });
    expect(ciPlan({ ...gh, GITHUB_EVENT_NAME: 'push' }, { before: 'b5', after: 'a5', forced: true, repository: { default_branch: 'main' } })).toMatchObject({
      revs: ['b5..a5'],
      fallback: { revs: ['a5'], exclude: 'refs/remotes/origin/main' },
    });
    expect(ciPlan({ ...gh, GITHUB_EVENT_NAME: 'push' }, { before: 'b4', after: ZERO }).revs).toEqual([]);
    expect(ciPlan({ ...gh, GITHUB_EVENT_NAME: 'pull_request' }, { pull_request: { base: { sha: 'b1' }, head: { sha: 'h1' } } }).deepen).toMatch(/fetch-depth: 0/);
  });

  it('GitLab CI, Bitbucket, Azure Pipelines, Jenkins, CircleCI and --since', () => {
    expect(ciPlan({ GITLAB_CI: 'true', CI_MERGE_REQUEST_DIFF_BASE_SHA: 'mb', CI_COMMIT_SHA: 'mh' }, null).revs).toEqual(['mb..mh']);
    expect(ciPlan({ GITLAB_CI: 'true', CI_COMMIT_BEFORE_SHA: 'pb', CI_COMMIT_SHA: 'ph' }, null).revs).toEqual(['pb..ph']);
    expect(ciPlan({ GITLAB_CI: 'true', CI_COMMIT_BEFORE_SHA: ZERO, CI_COMMIT_SHA: 'nh', CI_DEFAULT_BRANCH: 'trunk' }, null)).toMatchObject({
      revs: ['nh'],
      exclude: 'refs/remotes/origin/trunk',
    });
    expect(ciPlan({ BITBUCKET_BUILD_NUMBER: '7', BITBUCKET_COMMIT: 'bc', BITBUCKET_PR_DESTINATION_BRANCH: 'main' }, null).revs).toEqual([
      'refs/remotes/origin/main..bc',
    ]);
    expect(ciPlan({ TF_BUILD: 'True', BUILD_SOURCEVERSION: 'az', SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/dev' }, null).revs).toEqual([
      'refs/remotes/origin/dev..az',
    ]);
    expect(ciPlan({ JENKINS_URL: 'x', GIT_COMMIT: 'jc', GIT_PREVIOUS_SUCCESSFUL_COMMIT: 'jp' }, null).revs).toEqual(['jp..jc']);
    const circle = ciPlan({ CIRCLECI: 'true', CIRCLE_SHA1: 'cc' }, null);
    expect(circle.revs).toEqual(['cc']);
    expect(circle.note).toMatch(/--since/);
    expect(ciPlan({ GITHUB_ACTIONS: 'true' }, {}, 'v1.0').revs).toEqual(['v1.0..HEAD']);
  });

  it('pre-push: pushed commits the remote lacks; new branches against every remote-tracking ref', () => {
    const has = () => true;
    expect(prePushPlan(`refs/heads/main ${'a'.repeat(40)} refs/heads/main ${'b'.repeat(40)}\n`, has).revs).toEqual(['a'.repeat(40), '--not', 'b'.repeat(40)]);
    expect(prePushPlan(`refs/heads/new ${'c'.repeat(40)} refs/heads/new ${ZERO}\n`, has).revs).toEqual(['c'.repeat(40), '--not', '--remotes']);
    expect(prePushPlan(`(delete) ${ZERO} refs/heads/old ${'d'.repeat(40)}\n`, has).revs).toEqual([]);
    expect(prePushPlan(`refs/heads/main ${'e'.repeat(40)} refs/heads/main ${'f'.repeat(40)}\n`, () => false).revs).toEqual([
      'e'.repeat(40),
      '--not',
      '--remotes',
    ]);
  });
});

describe('leakgate ci on GitHub Actions', () => {
  function pullRequest() {
    const repo = gitRepo();
    commitFile(repo, 'old.txt', `K=${k('before-pr')}\n`);
    const base = commitFile(repo, 'README', 'readme\n');
    commitFile(repo, 'feature.py', `KEY = "${k('in-pr')}"\n`);
    const head = repo.git('rev-parse', 'HEAD').trim();
    const event = join(tempDir(), 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: base }, head: { sha: head } }, repository: { default_branch: 'main' } }));
    const summary = join(tempDir(), 'summary.md');
    const env = { ...repo.env, GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_STEP_SUMMARY: summary };
    return { repo, env, summary, base };
  }

  it('scans only the commits of the pull request, annotates them and writes a step summary', () => {
    const { repo, env, summary } = pullRequest();
    const run = leakgate(['ci'], { cwd: repo.dir, env });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=feature\.py,line=1,col=8,/m);
    expect(run.stdout).not.toContain('old.txt');
    expect(run.stderr).toContain('GitHub Actions pull_request');
    expect(readFileSync(summary, 'utf8')).toMatch(/secret found[\s\S]*feature\.py:1/);
    expect(readFileSync(summary, 'utf8')).not.toContain(k('in-pr'));
    const sarifOut = join(tempDir(), 'out.sarif');
    expect(leakgate(['ci', '--format', 'sarif', '--output', sarifOut], { cwd: repo.dir, env }).code).toBe(1);
    expect(JSON.parse(readFileSync(sarifOut, 'utf8')).runs[0].results).toHaveLength(1);
    const alongside = join(tempDir(), 'also.sarif');
    const both = leakgate(['ci', '--sarif', alongside], { cwd: repo.dir, env });
    expect(both.stdout).toMatch(/^::error file=feature\.py/m);
    expect(JSON.parse(readFileSync(alongside, 'utf8')).runs[0].results).toHaveLength(1);
  });

  it('explains a shallow checkout whose base commit is missing instead of scanning less', () => {
    const { repo, env } = pullRequest();
    const clone = join(tempDir(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone], { env: repo.env });
    const run = leakgate(['ci', '--format', 'json'], { cwd: clone, env });
    expect(run.code).toBe(2);
    expect(json(run).errors[0]!.message).toMatch(/not in this clone[\s\S]*fetch-depth: 0/);
  });

  it('exits by --fail-on severity', () => {
    const { repo, env } = pullRequest();
    expect(leakgate(['ci', '--fail-on', 'critical'], { cwd: repo.dir, env }).code).toBe(0);
    expect(leakgate(['ci', '--fail-on', 'high'], { cwd: repo.dir, env }).code).toBe(1);
  });
});

describe('leakgate ci on a push', () => {
  /** A clone of a repository whose one commit carries a key, as CI checks it out. */
  function cloned(extraBranch = false) {
    const origin = gitRepo();
    commitFile(origin, 'keys.env', `K=${k('first-push')}\n`);
    if (extraBranch) {
      origin.git('checkout', '-q', '-b', 'feature');
      commitFile(origin, 'feature.txt', `K=${k('feature')}\n`);
    }
    const dir = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', `file://${origin.dir}`, dir], { env: origin.env });
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, env: origin.env, encoding: 'utf8' }).trim();
    return { origin, dir, head };
  }
  const event = (payload: object) => {
    const path = join(tempDir(), 'event.json');
    writeFileSync(path, JSON.stringify(payload));
    return path;
  };

  it('scans the whole history on the first push of the default branch', () => {
    const { origin, dir, head } = cloned();
    const env = { ...origin.env, GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event({ before: ZERO, after: head, ref: 'refs/heads/main', repository: { default_branch: 'main' } }) };
    const run = leakgate(['ci', '--format', 'json'], { cwd: dir, env });
    expect(run.code).toBe(1);
    expect(json(run).findings.map((f) => f.file)).toContain('keys.env');
  });

  it('scans nothing for a new branch that adds no commits', () => {
    const { origin, dir, head } = cloned();
    const env = { ...origin.env, GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event({ before: ZERO, after: head, ref: 'refs/heads/copy', repository: { default_branch: 'main' } }) };
    const run = leakgate(['ci', '--format', 'json'], { cwd: dir, env });
    expect(run.code).toBe(0);
    expect(json(run).findings).toEqual([]);
  });

  it('scans only the new commits of a new branch', () => {
    const { origin, dir, head } = cloned(true);
    const env = { ...origin.env, GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event({ before: ZERO, after: head, ref: 'refs/heads/feature', repository: { default_branch: 'main' } }) };
    const r = json(leakgate(['ci', '--format', 'json'], { cwd: dir, env }));
    expect(r.findings.map((f) => f.file)).toEqual(['feature.txt']);
  });

  it('falls back to the whole branch when the default branch is not in the clone (GitLab new branch)', () => {
    const { origin, dir, head } = cloned(true);
    execFileSync('git', ['update-ref', '-d', 'refs/remotes/origin/main'], { cwd: dir, env: origin.env });
    const env = { ...origin.env, GITLAB_CI: 'true', CI_COMMIT_SHA: head, CI_COMMIT_BEFORE_SHA: ZERO, CI_DEFAULT_BRANCH: 'main' };
    const run = leakgate(['ci', '--format', 'json'], { cwd: dir, env });
    expect(run.code).toBe(1);
    const r = json(run) as ReturnType<typeof json> & { notes: string[] };
    expect(r.findings.filter((f) => f.ruleId === 'openai-api-key').map((f) => f.file).sort()).toEqual(['feature.txt', 'keys.env']);
    expect(r.notes[0]).toMatch(/not in this clone/);
  });

  it('does not pass a shallow clone that it must scan whole', () => {
    const { origin, head } = cloned(true);
    const dir = join(tempDir(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'feature', '--single-branch', `file://${origin.dir}`, dir], { env: origin.env });
    const env = { ...origin.env, GITLAB_CI: 'true', CI_COMMIT_SHA: head, CI_COMMIT_BEFORE_SHA: ZERO, CI_DEFAULT_BRANCH: 'main', CI_COMMIT_BRANCH: 'feature' };
    const run = leakgate(['ci', '--format', 'json'], { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(json(run).errors[0]!.message).toMatch(/shallow clone/);
  });

  it('after a force push whose old head is gone, scans the branch instead of failing', () => {
    const { origin, dir, head } = cloned(true);
    const env = { ...origin.env, GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event({ before: '1'.repeat(40), after: head, forced: true, ref: 'refs/heads/feature', repository: { default_branch: 'main' } }) };
    const run = leakgate(['ci', '--format', 'json'], { cwd: dir, env });
    expect(run.code).toBe(1);
    expect(json(run).findings.map((f) => f.file)).toEqual(['feature.txt']);
  });
});

describe('scan --pre-push in a real push', () => {
  function setup() {
    const remote = join(tempDir(), 'remote.git');
    const repo = gitRepo();
    execFileSync('git', ['init', '-q', '--bare', remote], { env: repo.env });
    commitFile(repo, 'README', 'hello\n');
    repo.git('remote', 'add', 'origin', remote);
    repo.git('push', '-q', 'origin', 'main');
    const hook = join(repo.dir, '.git', 'hooks', 'pre-push');
    writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" scan --pre-push\n`);
    chmodSync(hook, 0o755);
    return repo;
  }
  const push = (repo: Repo, ...args: string[]) => spawnSync('git', ['push', '-q', ...args], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });

  it('rejects a push that carries a key, also on a new branch, and lets clean pushes through', () => {
    const repo = setup();
    commitFile(repo, 'clean.txt', 'nothing\n');
    expect(push(repo, 'origin', 'main').status).toBe(0);
    commitFile(repo, 'leak.env', `K=${k('push')}\n`);
    commitFile(repo, 'leak.env', 'K=\n'); // removed again: still in the pushed history
    const rejected = push(repo, 'origin', 'main');
    expect(rejected.status).not.toBe(0);
    expect(rejected.stdout + rejected.stderr).toContain('leak.env');
    repo.git('checkout', '-q', '-b', 'topic');
    expect(push(repo, 'origin', 'topic').status).not.toBe(0);
    expect(push(repo, '--no-verify', 'origin', 'topic').status).toBe(0);
    commitFile(repo, 'more.txt', 'clean\n');
    expect(push(repo, 'origin', 'topic').status).toBe(0);
  });
});
