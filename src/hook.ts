// `leakgate hook install|uninstall`: joins the way a repository already runs its hooks instead of
// fighting it. husky: a line in .husky/<hook>. The pre-commit framework, lefthook, simple-git-hooks:
// the exact snippet to add (they own the hook files and would overwrite ours). Otherwise git's own
// hooks directory (`git rev-parse --git-path hooks`, which honours core.hooksPath, linked worktrees
// and submodules): our script, with any hook that was there kept beside it, run first, and put back
// byte for byte by uninstall. Returns what it did, for the CLI to print.

import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { git, workTreeRoot } from './sources/git.js';
import { writeInRepo } from './write.js';

export type HookName = 'pre-commit' | 'pre-push';

const COMMAND: Record<HookName, string> = { 'pre-commit': 'leakgate scan --staged', 'pre-push': 'leakgate scan --pre-push' };
/** The line added to a husky hook (husky v9 puts node_modules/.bin on PATH); its comment is how uninstall finds it. */
const huskyLine = (hook: HookName): string => `${COMMAND[hook]} # added by leakgate hook install`;
/** Marks the scripts we ship (hooks/pre-commit, hooks/pre-push). */
const OURS = /^# leakgate pre-(commit|push) hook:/m;
const CHAINED = '.leakgate-chained';

/** The hook scripts shipped with the package (hooks/ beside dist/). */
function shipped(hook: HookName): string {
  return readFileSync(new URL(`../hooks/${hook}`, import.meta.url), 'utf8');
}

async function gitText(args: string[], cwd: string): Promise<string> {
  return (await git(args, cwd)).toString('utf8').trim();
}

async function hooksPath(cwd: string): Promise<string | null> {
  try {
    return await gitText(['config', '--get', 'core.hooksPath'], cwd);
  } catch {
    return null;
  }
}

interface Repo {
  readonly root: string;
  readonly kind: 'husky' | 'pre-commit' | 'lefthook' | 'simple-git-hooks' | 'git';
}

async function detect(cwd: string): Promise<Repo> {
  const root = await workTreeRoot(cwd);
  if (root === null) throw new Error(`not inside a git work tree: ${cwd}`);
  const has = (p: string): boolean => existsSync(join(root, p));
  const configured = await hooksPath(cwd);
  if (has('.husky') && configured !== null && /(^|\/)\.husky(\/_)?\/?$/.test(configured)) return { root, kind: 'husky' };
  if (has('.pre-commit-config.yaml')) return { root, kind: 'pre-commit' };
  if (['lefthook.yml', '.lefthook.yml', 'lefthook.yaml', '.lefthook.yaml'].some(has)) return { root, kind: 'lefthook' };
  if (has('.simple-git-hooks.json') || has('.simple-git-hooks.js') || packageJsonHas(root, 'simple-git-hooks')) {
    return { root, kind: 'simple-git-hooks' };
  }
  return { root, kind: 'git' };
}

function packageJsonHas(root: string, key: string): boolean {
  try {
    return key in (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as object);
  } catch {
    return false;
  }
}

function snippet(kind: Repo['kind'], hooks: HookName[]): string[] {
  switch (kind) {
    case 'pre-commit':
      return [
        'This repository runs its hooks with the pre-commit framework. Add to .pre-commit-config.yaml:',
        '  - repo: local',
        '    hooks:',
        '      - id: leakgate',
        '        name: leakgate (staged secrets)',
        '        entry: npx --no-install leakgate scan --staged',
        '        language: system',
        '        pass_filenames: false',
        ...(hooks.includes('pre-push')
          ? ['      - id: leakgate-pre-push', '        name: leakgate (pushed commits)', '        entry: npx --no-install leakgate scan --pre-push', '        language: system', '        pass_filenames: false', '        stages: [pre-push]']
          : []),
        'then run: pre-commit install' + (hooks.includes('pre-push') ? ' --hook-type pre-commit --hook-type pre-push' : ''),
      ];
    case 'lefthook':
      return [
        'This repository runs its hooks with lefthook. Add to lefthook.yml:',
        ...hooks.flatMap((h) => [`${h}:`, '  commands:', '    leakgate:', `      run: npx --no-install ${COMMAND[h]}`]),
        'then run: npx lefthook install',
      ];
    case 'simple-git-hooks':
      return [
        'This repository runs its hooks with simple-git-hooks. Add to its configuration (package.json "simple-git-hooks"):',
        ...hooks.map((h) => `  "${h}": "npx --no-install ${COMMAND[h]}"`),
        'then run: npx simple-git-hooks',
      ];
    default:
      return [];
  }
}

export async function installHooks(cwd: string, hooks: HookName[]): Promise<string[]> {
  const repo = await detect(cwd);
  if (repo.kind === 'husky') return hooks.map((h) => editHusky(repo.root, h, 'install'));
  if (repo.kind !== 'git') return snippet(repo.kind, hooks);
  const dir = resolve(cwd, await gitText(['rev-parse', '--git-path', 'hooks'], cwd));
  mkdirSync(dir, { recursive: true });
  return hooks.map((h) => installScript(dir, h));
}

export async function uninstallHooks(cwd: string): Promise<string[]> {
  const repo = await detect(cwd);
  const hooks: HookName[] = ['pre-commit', 'pre-push'];
  if (repo.kind === 'husky') return hooks.map((h) => editHusky(repo.root, h, 'uninstall'));
  if (repo.kind !== 'git') return [`This repository runs its hooks with ${repo.kind}: remove the leakgate entry from its configuration.`];
  const dir = resolve(cwd, await gitText(['rev-parse', '--git-path', 'hooks'], cwd));
  return hooks.map((h) => uninstallScript(dir, h));
}

function installScript(dir: string, hook: HookName): string {
  const target = join(dir, hook);
  const kept = target + CHAINED;
  if (existsSync(target) && OURS.test(readFileSync(target, 'utf8'))) return `${hook}: already installed in ${dir}; nothing changed`;
  let note = '';
  if (existsSync(target)) {
    if (existsSync(kept)) throw new Error(`${kept} already exists: move it away before installing`);
    renameSync(target, kept);
    note = `; the hook that was there is kept as ${hook}${CHAINED} and runs first`;
    if ((statSync(kept).mode & 0o111) === 0) note += ' (it is not executable: git did not run it before, and it will not run now)';
  }
  writeInRepo(target, shipped(hook), 0o755);
  chmodSync(target, 0o755);
  return `${hook}: installed ${target}${note}`;
}

function uninstallScript(dir: string, hook: HookName): string {
  const target = join(dir, hook);
  const kept = target + CHAINED;
  if (!existsSync(target) || !OURS.test(readFileSync(target, 'utf8'))) return `${hook}: no leakgate hook in ${dir}; nothing changed`;
  unlinkSync(target);
  if (existsSync(kept)) {
    renameSync(kept, target);
    return `${hook}: removed; the original hook is back in ${target}`;
  }
  return `${hook}: removed ${target}`;
}

function editHusky(root: string, hook: HookName, action: 'install' | 'uninstall'): string {
  if (lstatSync(join(root, '.husky')).isSymbolicLink()) {
    throw new Error('.husky is a symbolic link: refusing to write through it out of the repository');
  }
  const file = join(root, '.husky', hook);
  const line = huskyLine(hook);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
  const lines = before === null ? [] : before.split('\n');
  const has = lines.includes(line);
  if (action === 'install') {
    if (has) return `${hook}: .husky/${hook} already runs leakgate; nothing changed`;
    const joined = before === null || before === '' ? `${line}\n` : `${before}${before.endsWith('\n') ? '' : '\n'}${line}\n`;
    writeInRepo(file, joined);
    return `${hook}: added "${line}" to .husky/${hook}`;
  }
  if (!has || before === null) return `${hook}: .husky/${hook} does not run leakgate; nothing changed`;
  const after = before.replace(`${line}\n`, '');
  if (after === '') unlinkSync(file);
  else writeInRepo(file, after);
  return `${hook}: removed the leakgate line from .husky/${hook}`;
}
