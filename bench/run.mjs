#!/usr/bin/env node
// npm run bench: times leakgate against floors measured in the same run, in three parts.
//
//   sweep    the working-tree sweep of a generated tree, against ripgrep (always)
//   staged   the pre-commit scan of a typical 20-file commit, against `node -e 0` (always)
//   bundle   what a git-ignored dist/ of 20 MiB of minified JavaScript adds to a sweep (always)
//   history  the history sweep of a real repository with many commits, against
//            `git cat-file --batch-all-objects --batch` and `git log -p -U0 --all`, with peak memory
//            (when BENCH_REPO names a git repository, e.g. a clone of a large JavaScript project)
//
// Set BENCH_ONLY=sweep|staged|bundle|history to run one part.
//
// The tree: 50,000 files (override with BENCH_FILES) written under the system temp directory,
// their contents sampled from the real JavaScript, TypeScript, JSON and Markdown files installed in
// node_modules (this project's and npm's own), with sizes drawn around a few KB as in real
// repositories, nested ~50 files a folder, and a few dozen fake keys planted. Outside git, so that
// leakgate (walk) and ripgrep (--hidden --no-ignore) read exactly the same files.
//
// Figures are medians of several runs after a warm-up (page cache hot), stated as ratios:
//   sweep / ripgrep   ripgrep searching the same keywords over the same files (as literals; those
//                     that leakgate matches in any case, in any case: (?i:key))
//   node -e 0         the start-up floor of any Node.js tool

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const project = join(here, '..');
const BIN = join(project, 'bin', 'leakgate.js');
const FILES = Number(process.env.BENCH_FILES ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const work = join(tmpdir(), 'leakgate-bench');
const PLANT_EVERY = 1000;
const tree = join(work, `tree-${FILES}`);

const rules = JSON.parse(spawnSync(process.execPath, [BIN, 'rules', '--format', 'json'], { encoding: 'utf8' }).stdout);
/** ripgrep's -e arguments for the keywords of `list` (rules as `leakgate rules --format json` prints them). */
const rgKeywords = (list) => {
  const literal = (k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const all = new Set([...list.flatMap((r) => r.keywords.map(literal)), ...list.flatMap((r) => (r.keywordsAnyCase ?? []).map((k) => `(?i:${literal(k)})`))]);
  return [...all].flatMap((k) => ['-e', k]);
};
const keywords = rgKeywords(rules);

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || null;
}

/** Text files to sample contents from. */
function pool() {
  const roots = [join(project, 'node_modules')];
  const npmDir = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout.trim();
  if (npmDir) roots.push(npmDir);
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(m?[jt]sx?|c?js|json|md|d\.ts|ya?ml)$/.test(e.name)) {
        const size = statSync(p).size;
        if (size > 0 && size < 2_000_000) out.push(p);
      }
    }
  };
  for (const r of roots) if (existsSync(r)) walk(r);
  return out.map((p) => readFileSync(p));
}

function makeTree() {
  if (existsSync(join(tree, '.complete'))) return;
  rmSync(tree, { recursive: true, force: true });
  const contents = pool();
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const rnd = (n) => [...randomBytes(n)].map((b) => alnum[b % alnum.length]).join('');
  const mark = ['T3Bl', 'bkFJ'].join('');
  const ext = ['js', 'ts', 'json', 'md', 'mjs', 'tsx', 'py', 'yml'];
  for (let i = 0; i < FILES; i++) {
    const dir = join(tree, `p${Math.floor(i / 2500)}`, `d${Math.floor(i / 50) % 50}`);
    if (i % 50 === 0) mkdirSync(dir, { recursive: true });
    const src = contents[Math.floor(rand() * contents.length)];
    // Log-normal-ish sizes: median ~3 KB, long tail to the whole source file.
    const want = Math.floor(Math.exp(8 + 1.2 * (rand() + rand() + rand() - 1.5)));
    let body = src.subarray(0, Math.min(src.length, want));
    if (i % PLANT_EVERY === 7) body = Buffer.concat([body, Buffer.from(`\nconst apiKey = "sk-proj-${rnd(74)}${mark}${rnd(74)}";\n`)]);
    writeFileSync(join(dir, `f${i}.${ext[i % ext.length]}`), body);
  }
  writeFileSync(join(tree, '.complete'), '');
}

function time(cmd, args, opts = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...opts });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && !(opts.okCodes ?? []).includes(r.status)) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return ms;
}

/** The median time of one command (see interleaved). */
const median = (cmd, args, opts, runs = RUNS) => interleaved({ one: [cmd, args, opts] }, runs).one;

/** Medians of several commands ({ name: [cmd, args, opts] }), run in turn round after round after a warm-up of each. */
function interleaved(commands, runs) {
  const entries = Object.entries(commands);
  for (const [, [cmd, args, opts]] of entries) time(cmd, args, opts);
  const all = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let r = 0; r < runs; r++) for (const [name, [cmd, args, opts]] of entries) all[name].push(time(cmd, args, opts));
  return Object.fromEntries(entries.map(([name]) => [name, all[name].sort((a, b) => a - b)[Math.floor(runs / 2)]]));
}

/** Short commands vary more between runs than long ones: take more of them. */
const SHORT_RUNS = Number(process.env.BENCH_SHORT_RUNS ?? 21);


function treeStats() {
  let files = 0;
  let bytes = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(tree);
  return { files, bytes };
}

const only = process.env.BENCH_ONLY;
mkdirSync(work, { recursive: true });
if (!only || only === 'sweep') sweepBench();
if (!only || only === 'staged') stagedBench();
if (!only || only === 'bundle') await bundleBench();
if ((!only || only === 'history') && process.env.BENCH_REPO) historyBench(process.env.BENCH_REPO);
else if (only === 'history' || !only) console.log('\nhistory: set BENCH_REPO to a git repository with many commits to measure the history sweep');

function sweepBench() {
makeTree();
const { files, bytes } = treeStats();
console.log('sweep');
const mb = bytes / 1024 / 1024;
console.log(`tree: ${files} files, ${mb.toFixed(0)} MiB (${tree})`);
console.log(`keywords: ${keywords.length / 2}; runs: median of ${RUNS} rounds (each command once a round, in turn) after a warm-up; cores: ${availableParallelism()}`);

// Every command of this part runs once per round, in turn, so that a slow spell of a shared
// machine slows all of them alike rather than the one measured then.
const rg = which('rg');
if (!rg) console.log('ripgrep not found: install it (apt-get install ripgrep) for the ratio');
const keyRules = rules.filter((r) => r.key);
const notGeneric = rules.filter((r) => r.id !== 'hardcoded-credential').map((r) => r.id).join(',');
const scan = (...more) => [process.execPath, [BIN, 'scan', tree, '--format', 'json', ...more], { okCodes: [1] }];
const noCerts = { ...process.env };
delete noCerts.NODE_EXTRA_CA_CERTS;
const commands = {
  node: [process.execPath, ['-e', '0'], {}],
  ...(rg ? { rg: [rg, ['--hidden', '--no-ignore', ...keywords, tree], { okCodes: [1] }], rgKeys: [rg, ['--hidden', '--no-ignore', ...rgKeywords(keyRules), tree], { okCodes: [1] }] } : {}),
  lg: scan(),
  lgKeys: scan('--rules', keyRules.map((r) => r.id).join(',')),
  // Every rule but the generic one, whose keywords are common words (key, token...): its cost.
  lgNotGeneric: scan('--rules', notGeneric),
  lg1: scan('--threads', '0'),
  // NODE_EXTRA_CA_CERTS makes every Node.js process load a certificate file at start (~70 ms here);
  // ripgrep pays nothing alike, so show the sweep without it too.
  ...(process.env.NODE_EXTRA_CA_CERTS ? { nodeNoCerts: [process.execPath, ['-e', '0'], { env: noCerts }], lgNoCerts: [process.execPath, [BIN, 'scan', tree, '--format', 'json'], { okCodes: [1], env: noCerts }] } : {}),
};
const t = interleaved(commands, RUNS);
const rgMs = t.rg ?? null;
const { lg, lgKeys, lgNotGeneric } = t;
const rgKeys = t.rgKeys ?? null;
const rows = [
  ['node -e 0 (start-up floor)', t.node],
  ...(rg ? [['ripgrep, same keywords, same files', rgMs]] : []),
  ['leakgate scan (worker threads)', lg],
  ...(rg ? [["ripgrep, the key rules' keywords", rgKeys]] : []),
  ['leakgate scan, key rules only', lgKeys],
  ['leakgate scan, all rules but hardcoded-credential', lgNotGeneric],
  ...(t.nodeNoCerts ? [['node -e 0, NODE_EXTRA_CA_CERTS unset', t.nodeNoCerts], ['leakgate scan, NODE_EXTRA_CA_CERTS unset', t.lgNoCerts]] : []),
  ['leakgate scan --threads 0', t.lg1],
];

console.log('');
for (const [name, ms] of rows) {
  const ratio = rgMs ? ` ${(ms / rgMs).toFixed(2)}× ripgrep` : '';
  console.log(`${name.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms${ratio}`);
}
const check = spawnSync(process.execPath, [BIN, 'scan', tree, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const report = JSON.parse(check.stdout);
const found = report.findings.filter((f) => f.ruleId === 'openai-api-key').length;
const generic = report.findings.filter((f) => f.ruleId === 'hardcoded-credential').length;
const planted = Math.ceil((FILES - 7) / PLANT_EVERY);

console.log('');
console.log(`planted keys found: ${found} of ${planted}${found === planted ? '' : '  <-- MISMATCH'}`);
console.log(`hardcoded-credential findings on the sampled third-party code (no live secrets): ${generic} in ${mb.toFixed(0)} MiB`);
console.log(`sweep throughput: ${(files / (lg / 1000)).toFixed(0)} files/s, ${(mb / (lg / 1000)).toFixed(0)} MiB/s`);
if (rgMs) console.log(`sweep / ripgrep (same keywords): ${(lg / rgMs).toFixed(2)}× all rules, ${(lgKeys / rgKeys).toFixed(2)}× key rules only (target ≤ 2×, ambition 1.5×)`);
console.log(`hardcoded-credential cost: sweep with it / without it = ${(lg / lgNotGeneric).toFixed(2)}× (target ≤ 1.3×)`);
}

async function bundleBench() {
  // A small web project whose built dist/ (ignored by git, as every template does) holds 20 MiB of
  // minified JavaScript: real code from node_modules minified by esbuild, in chunks of about 2 MiB
  // as a bundler writes them, with one key inlined the way Vite inlines a VITE_ variable.
  const repo = join(work, 'bundle-repo');
  const dist = join(repo, 'dist', 'assets');
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' };
  const TARGET = 20 * 1024 * 1024;
  if (!existsSync(join(repo, '.complete'))) {
    rmSync(repo, { recursive: true, force: true });
    mkdirSync(dist, { recursive: true });
    const git = (...args) => spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
    git('init', '-q');
    writeFileSync(join(repo, '.gitignore'), 'node_modules/\ndist/\n.env*.local\n');
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'web', private: true, dependencies: { react: '^18.3.1' }, devDependencies: { vite: '^5.4.0' } }));
    for (let i = 0; i < 200; i++) writeFileSync(join(repo, `src-${i}.tsx`), `export function View${i}() { return <div id="v${i}">{import.meta.env.VITE_SITE_NAME}</div>; }\n`.repeat(20));
    git('add', '-A');
    git('commit', '-q', '-m', 'web');
    const { transform } = await import('esbuild');
    const sources = pool().filter((b) => b.length > 20_000 && b.length < 1_500_000);
    let total = 0;
    let chunk = [];
    let chunkBytes = 0;
    let n = 0;
    const mark = ['T3Bl', 'bkFJ'].join('');
    const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const rnd = (k) => [...randomBytes(k)].map((b) => alnum[b % alnum.length]).join('');
    const minified = [];
    for (const src of sources) {
      if (minified.reduce((k, c) => k + c.length, 0) >= TARGET) break;
      try {
        minified.push((await transform(src.toString('utf8'), { minify: true, loader: 'js', format: 'esm' })).code.replace(/\n/g, ';'));
      } catch {
        // not plain JavaScript (TypeScript, JSON, Markdown)
      }
    }
    // Too little JavaScript installed: its minified code again, as a monorepo's chunks repeat vendors.
    for (let i = 0; total < TARGET; i = (i + 1) % minified.length) {
      const code = minified[i];
      chunk.push(code);
      chunkBytes += code.length;
      total += code.length;
      if (chunkBytes >= 2 * 1024 * 1024 || total >= TARGET) {
        // The env object Vite inlines, with a planted key (the bench's own, made at run time).
        if (n === 0) chunk.push(`var e={BASE_URL:"/",MODE:"production",VITE_OPENAI_API_KEY:"sk-proj-${rnd(74)}${mark}${rnd(74)}"};`); // leakgate:allow
        writeFileSync(join(dist, `index-${(n++).toString(16).padStart(8, '0')}.js`), chunk.join(''));
        chunk = [];
        chunkBytes = 0;
      }
    }
    writeFileSync(join(repo, '.complete'), '');
  }
  const bundleBytes = readdirSync(dist).reduce((n, f) => n + statSync(join(dist, f)).size, 0);
  const opts = { cwd: repo, okCodes: [1] };
  const withBundle = median(process.execPath, [BIN, 'scan', '.', '--format', 'json'], opts);
  const others = rules.filter((r) => r.id !== 'client-bundle-secret').map((r) => r.id).join(',');
  const without = median(process.execPath, [BIN, 'scan', '.', '--format', 'json', '--rules', others], opts);
  const rg = which('rg');
  const rgMs = rg ? median(rg, ['--no-ignore', ...rgKeywords(rules.filter((r) => r.key)), 'dist'], { cwd: repo, okCodes: [0, 1] }) : null;
  const report = JSON.parse(spawnSync(process.execPath, [BIN, 'scan', '.', '--format', 'json'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout);
  const found = report.findings.filter((f) => f.ruleId === 'client-bundle-secret').length;
  console.log('');
  console.log(`bundle: a git-ignored dist/ of ${(bundleBytes / 1024 / 1024).toFixed(1)} MiB of minified JavaScript beside 200 source files; median of ${RUNS}`);
  console.log(`${'leakgate scan, all rules (reads dist/)'.padEnd(44)} ${withBundle.toFixed(0).padStart(6)} ms`);
  console.log(`${'leakgate scan, without client-bundle-secret'.padEnd(44)} ${without.toFixed(0).padStart(6)} ms`);
  if (rgMs) console.log(`${'ripgrep, same keywords, over dist/'.padEnd(44)} ${rgMs.toFixed(0).padStart(6)} ms`);
  console.log(`dist/ adds ${(withBundle - without).toFixed(0)} ms to the sweep (target < 500 ms)${rgMs ? `; ${((withBundle - without) / rgMs).toFixed(2)}× ripgrep over dist/` : ''}; key found in the bundle: ${found} of 1`);
}

/** Milliseconds and peak resident memory (KiB, from GNU time when present) of one run. */
function timeWithMemory(cmd, args, opts = {}) {
  const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const t = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync(gnuTime, ['-f', '%M', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', ...opts })
    : spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', ...opts });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const kib = gnuTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { ms, kib };
}

function stagedBench() {
  // A repository with 200 files of real-looking code, and a commit of 20 of them, each with a few
  // added and changed lines: what a pre-commit hook typically sees.
  const repo = join(work, 'staged-repo');
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' };
  const git = (...args) => spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  git('init', '-q');
  const line = (i, j) => `export function handler${i}_${j}(req, res) { return res.json({ ok: true, id: ${i * 1000 + j} }); }`;
  for (let i = 0; i < 200; i++) writeFileSync(join(repo, `mod${i}.js`), Array.from({ length: 120 }, (_, j) => line(i, j)).join('\n') + '\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  for (let i = 0; i < 20; i++) {
    const lines = Array.from({ length: 120 }, (_, j) => line(i, j));
    lines.splice(10, 2, '// changed', line(i, 999));
    lines.splice(60, 0, ...Array.from({ length: 15 }, (_, j) => `const added${j} = process.env.SETTING_${j} ?? 'default';`));
    writeFileSync(join(repo, `mod${i * 10}.js`), lines.join('\n') + '\n');
  }
  git('add', '-A');
  const opts = { cwd: repo, env };
  const floor = median(process.execPath, ['-e', '0'], opts, SHORT_RUNS);
  const staged = median(process.execPath, [BIN, 'scan', '--staged'], opts, SHORT_RUNS);
  const gitDiff = median('git', ['diff', '--cached', '-U0', '--no-color'], opts, SHORT_RUNS);
  // The hook's overhead on `git commit` itself: the same commit with and without the installed hook.
  const commitMs = () => {
    const t = process.hrtime.bigint();
    const r = spawnSync('git', ['commit', '-q', '-m', 'bench'], { cwd: repo, env: hookEnv, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`git commit failed: ${r.stderr}${r.stdout}`);
    spawnSync('git', ['reset', '-q', '--soft', 'HEAD~1'], { cwd: repo, env });
    return ms;
  };
  const medianOf = (fn) => {
    fn();
    const all = Array.from({ length: SHORT_RUNS }, fn).sort((a, b) => a - b);
    return all[Math.floor(all.length / 2)];
  };
  const binDir = join(work, 'bin');
  mkdirSync(binDir, { recursive: true });
  rmSync(join(binDir, 'leakgate'), { force: true });
  symlinkSync(BIN, join(binDir, 'leakgate'));
  const hookEnv = { ...env, PATH: `${binDir}:${process.env.PATH}` };
  const plain = medianOf(commitMs);
  spawnSync(process.execPath, [BIN, 'hook', 'install'], { cwd: repo, env: hookEnv });
  const hooked = medianOf(commitMs);

  console.log('');
  console.log('staged scan of a 20-file commit (320 added lines)');
  console.log(`${'node -e 0 (floor)'.padEnd(44)} ${floor.toFixed(0).padStart(6)} ms 1.00×`);
  console.log(`${'git diff --cached -U0 (the input)'.padEnd(44)} ${gitDiff.toFixed(0).padStart(6)} ms ${(gitDiff / floor).toFixed(2)}×`);
  console.log(`${'leakgate scan --staged'.padEnd(44)} ${staged.toFixed(0).padStart(6)} ms ${(staged / floor).toFixed(2)}× node -e 0 (target ≤ 1.5×)`);
  console.log(`${'git commit, no hook'.padEnd(44)} ${plain.toFixed(0).padStart(6)} ms`);
  console.log(`${'git commit, leakgate pre-commit hook'.padEnd(44)} ${hooked.toFixed(0).padStart(6)} ms  (+${(hooked - plain).toFixed(0)} ms; target < +100 ms)`);
}

function historyBench(repo) {
  const runs = Number(process.env.BENCH_HISTORY_RUNS ?? 3);
  const commits = spawnSync('git', ['rev-list', '--all', '--count'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
  console.log('');
  console.log(`history of ${repo}: ${commits} commits; median of ${runs} after a warm-up`);
  const measure = (cmd, args, okCodes = []) => {
    timeWithMemory(cmd, args, { cwd: repo });
    const all = Array.from({ length: runs }, () => timeWithMemory(cmd, args, { cwd: repo })).sort((a, b) => a.ms - b.ms);
    return all[Math.floor(all.length / 2)];
  };
  const floor = measure('git', ['cat-file', '--batch-all-objects', '--batch']);
  const logp = measure('git', ['log', '-p', '-U0', '--all']);
  const ours = measure(process.execPath, [BIN, 'scan', '--history', '--format', 'json']);
  const row = (name, r) =>
    console.log(`${name.padEnd(44)} ${r.ms.toFixed(0).padStart(7)} ms ${(r.ms / floor.ms).toFixed(2)}× floor  ${(r.ms / logp.ms).toFixed(2)}× log -p  ${Number.isNaN(r.kib) ? '' : `${(r.kib / 1024).toFixed(0)} MiB peak`}`);
  row('git cat-file --batch-all-objects --batch', floor);
  row('git log -p -U0 --all (what gitleaks reads)', logp);
  row('leakgate scan --history', ours);
  console.log(`targets: ≤ 1.5× floor, faster than git log -p, ≤ 512 MiB peak`);
}
