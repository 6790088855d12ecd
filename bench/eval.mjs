#!/usr/bin/env node
// Measures recall and precision against a labelled corpus kept outside this repository:
//   node bench/eval.mjs CORPUS_DIR [--only rule,rule]
//
// Two corpus layouts:
//   CORPUS_DIR/tree/ + labels.jsonl      a sweep of tree/; labels {"file", "line", "rule"}
//   CORPUS_DIR/manifest.json             {"history"|"staged"|"sweep": [{"repo", "labels", "env"?}]}:
//                                        each repo is scanned in that mode; history labels carry
//                                        "commit" too; file-level labels have no "line"
// A finding is a true positive when a label has its (commit,) file, line and rule; labels are
// matched as a multiset. Findings of file rules (dotenv-*) count only when the corpus labels them;
// with --only, only those rules run and are scored (a corpus that measures a few rules).
// Prints per-rule figures, then each miss and false positive (secrets masked).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const corpus = process.argv[2];
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt === -1 ? null : new Set(process.argv[onlyAt + 1].split(','));
if (!corpus) {
  console.error('usage: node bench/eval.mjs CORPUS_DIR [--only rule,rule]');
  process.exit(2);
}
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'leakgate.js');
const FILE_RULES = new Set(['dotenv-not-ignored', 'dotenv-tracked']);
const MODE_ARGS = { sweep: [], staged: ['--staged'], history: ['--history'] };

function readLabels(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

function scan(cwd, args, env = {}) {
  // With --only, only those rules run: a key rule's finding in client output then keeps its own id
  // (all rules together restate it as client-bundle-secret's).
  const rules = only ? ['--rules', [...only].join(',')] : [];
  const run = spawnSync(process.execPath, [BIN, 'scan', ...args, ...rules, '--format', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env },
  });
  if (!run.stdout) throw new Error(`scan failed in ${cwd}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** The units to score: one per repository (or the one tree), each with its findings and labels. */
function units() {
  const manifest = join(corpus, 'manifest.json');
  if (!existsSync(manifest)) {
    return [{ name: 'tree', mode: 'sweep', report: scan(process.cwd(), [join(corpus, 'tree')]), labels: readLabels(join(corpus, 'labels.jsonl')) }];
  }
  const spec = JSON.parse(readFileSync(manifest, 'utf8'));
  return Object.entries(spec).flatMap(([mode, repos]) =>
    repos.map((r) => ({
      name: `${mode} ${r.repo}`,
      mode,
      report: scan(join(corpus, r.repo), MODE_ARGS[mode], r.env),
      labels: readLabels(join(corpus, r.labels)),
    })),
  );
}

const all = units();
const labelledFileRules = all.some((u) => u.labels.some((l) => FILE_RULES.has(l.rule)));
const stats = new Map();
const stat = (rule) => stats.get(rule) ?? stats.set(rule, { tp: 0, fp: 0, fn: 0 }).get(rule);
const misses = [];
const falsePositives = [];
let errors = 0;
let ignored = 0;
for (const u of all) {
  const key = (x) => `${u.mode === 'history' ? `${x.commit}\0` : ''}${x.file}\0${x.line ?? ''}\0${x.rule ?? x.ruleId}`;
  const open = new Map();
  for (const l of u.labels) open.set(key(l), (open.get(key(l)) ?? 0) + 1);
  errors += u.report.errors.length;
  for (const e of u.report.errors) console.log(`error in ${u.name}: ${e.file}: ${e.message}`);
  for (const f of u.report.findings) {
    if ((FILE_RULES.has(f.ruleId) && !labelledFileRules) || (only && !only.has(f.ruleId))) {
      ignored++;
      continue;
    }
    const k = key(f);
    if ((open.get(k) ?? 0) > 0) {
      open.set(k, open.get(k) - 1);
      stat(f.ruleId).tp++;
    } else {
      stat(f.ruleId).fp++;
      falsePositives.push(`${u.name}: ${f.commit ? `${f.commit.slice(0, 10)} ` : ''}${f.file}:${f.line ?? '-'} ${f.ruleId} ${f.secret ?? ''}`);
    }
  }
  for (const l of u.labels) {
    const k = key(l);
    if ((open.get(k) ?? 0) > 0) {
      open.set(k, open.get(k) - 1);
      stat(l.rule).fn++;
      misses.push(`${u.name}: ${l.commit ? `${l.commit.slice(0, 10)} ` : ''}${l.file}:${l.line ?? '-'} ${l.rule}${l.note ? ` (${l.note})` : ''}`);
    }
  }
}

const fmt = (n, d) => (d === 0 ? 'n/a' : (n / d).toFixed(3));
let tp = 0;
let fp = 0;
let fn = 0;
console.log(`${'rule'.padEnd(22)} ${'tp'.padStart(5)} ${'fp'.padStart(5)} ${'fn'.padStart(5)}  recall  precision`);
for (const [rule, s] of [...stats].sort()) {
  tp += s.tp;
  fp += s.fp;
  fn += s.fn;
  console.log(`${rule.padEnd(22)} ${String(s.tp).padStart(5)} ${String(s.fp).padStart(5)} ${String(s.fn).padStart(5)}  ${fmt(s.tp, s.tp + s.fn).padStart(6)}  ${fmt(s.tp, s.tp + s.fp).padStart(9)}`);
}
console.log(`${'all'.padEnd(22)} ${String(tp).padStart(5)} ${String(fp).padStart(5)} ${String(fn).padStart(5)}  ${fmt(tp, tp + fn).padStart(6)}  ${fmt(tp, tp + fp).padStart(9)}`);
console.log(`units: ${all.length}; scan errors: ${errors}${ignored ? `; findings not scored (file rules the corpus does not label, or rules outside --only): ${ignored}` : ''}`);
if (misses.length) console.log(`\nmissed:\n  ${misses.join('\n  ')}`);
if (falsePositives.length) console.log(`\nfalse positives:\n  ${falsePositives.join('\n  ')}`);
