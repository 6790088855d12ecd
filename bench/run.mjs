#!/usr/bin/env node
// npm run bench: times leakgate's working-tree sweep against floors measured in the same run.
//
// The tree: 50,000 files (override with BENCH_FILES) written under the system temp directory,
// their contents sampled from the real JavaScript, TypeScript, JSON and Markdown files installed in
// node_modules (this project's and npm's own), with sizes drawn around a few KB as in real
// repositories, nested ~50 files a folder, and a few dozen fake keys planted. Outside git, so that
// leakgate (walk) and ripgrep (--hidden --no-ignore) read exactly the same files.
//
// Figures are medians of several runs after a warm-up (page cache hot), stated as ratios:
//   sweep / ripgrep   ripgrep searching the same keywords (fixed strings) over the same files
//   node -e 0         the start-up floor of any Node.js tool

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const keywords = [...new Set(rules.flatMap((r) => r.keywords))];

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

function median(cmd, args, opts) {
  time(cmd, args, opts); // warm-up
  const runs = Array.from({ length: RUNS }, () => time(cmd, args, opts)).sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}

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

mkdirSync(work, { recursive: true });
makeTree();
const { files, bytes } = treeStats();
const mb = bytes / 1024 / 1024;
console.log(`tree: ${files} files, ${mb.toFixed(0)} MiB (${tree})`);
console.log(`keywords: ${keywords.length}; runs: median of ${RUNS} after a warm-up; cores: ${(await import('node:os')).availableParallelism()}`);

const rows = [];
const nodeFloor = median(process.execPath, ['-e', '0']);
rows.push(['node -e 0 (start-up floor)', nodeFloor]);
const rg = which('rg');
let rgMs = null;
if (rg) {
  const rgArgs = ['--hidden', '--no-ignore', '-F', ...keywords.flatMap((k) => ['-e', k]), tree];
  rgMs = median(rg, rgArgs, { okCodes: [1] });
  rows.push(['ripgrep, same keywords, same files', rgMs]);
} else {
  console.log('ripgrep not found: install it (apt-get install ripgrep) for the ratio');
}
const lg = median(process.execPath, [BIN, 'scan', tree, '--format', 'json'], { okCodes: [1] });
rows.push(['leakgate scan (worker threads)', lg]);
if (process.env.NODE_EXTRA_CA_CERTS) {
  // This variable makes every Node.js process load a certificate file at start (~70 ms here);
  // ripgrep pays nothing alike, so show the sweep without it too.
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  rows.push(['node -e 0, NODE_EXTRA_CA_CERTS unset', median(process.execPath, ['-e', '0'], { env })]);
  rows.push(['leakgate scan, NODE_EXTRA_CA_CERTS unset', median(process.execPath, [BIN, 'scan', tree, '--format', 'json'], { okCodes: [1], env })]);
}
const lg1 = median(process.execPath, [BIN, 'scan', tree, '--format', 'json', '--threads', '0'], { okCodes: [1] });
rows.push(['leakgate scan --threads 0', lg1]);

console.log('');
for (const [name, ms] of rows) {
  const ratio = rgMs ? ` ${(ms / rgMs).toFixed(2)}× ripgrep` : '';
  console.log(`${name.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms${ratio}`);
}
const check = spawnSync(process.execPath, [BIN, 'scan', tree, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const found = JSON.parse(check.stdout).findings.length;
const planted = Math.ceil((FILES - 7) / PLANT_EVERY);

console.log('');
console.log(`planted keys found: ${found} of ${planted}${found === planted ? '' : '  <-- MISMATCH'}`);
console.log(`sweep throughput: ${(files / (lg / 1000)).toFixed(0)} files/s, ${(mb / (lg / 1000)).toFixed(0)} MiB/s`);
if (rgMs) console.log(`sweep / ripgrep: ${(lg / rgMs).toFixed(2)}× (target ≤ 2×, ambition 1.5×)`);
