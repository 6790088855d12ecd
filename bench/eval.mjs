#!/usr/bin/env node
// Measures recall and precision against a labelled corpus kept outside this repository:
//   node bench/eval.mjs CORPUS_DIR
// CORPUS_DIR holds tree/ (the files to scan) and labels.jsonl, one line per real secret:
//   {"file": "<POSIX path relative to tree/>", "line": <1-based>, "rule": "<rule id>"}
// A finding counts as a true positive when a label has its file, line and rule; every label is
// matched at most once. Prints per-rule figures, then each miss and false positive (masked).

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const corpus = process.argv[2];
if (!corpus) {
  console.error('usage: node bench/eval.mjs CORPUS_DIR');
  process.exit(2);
}
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'leakgate.js');
const extra = process.argv.slice(3);
const run = spawnSync(process.execPath, [BIN, 'scan', join(corpus, 'tree'), '--format', 'json', ...extra], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (run.status === 2 || !run.stdout) {
  console.error(run.stderr || run.stdout);
  process.exit(2);
}
const report = JSON.parse(run.stdout);
const labels = readFileSync(join(corpus, 'labels.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));

const key = (file, line, rule) => `${file}\0${line}\0${rule}`;
const open = new Map();
for (const l of labels) open.set(key(l.file, l.line, l.rule), (open.get(key(l.file, l.line, l.rule)) ?? 0) + 1);
const stats = new Map();
const stat = (rule) => stats.get(rule) ?? stats.set(rule, { tp: 0, fp: 0, fn: 0 }).get(rule);
const falsePositives = [];
for (const f of report.findings) {
  const k = key(f.file, f.line, f.ruleId);
  if ((open.get(k) ?? 0) > 0) {
    open.set(k, open.get(k) - 1);
    stat(f.ruleId).tp++;
  } else {
    stat(f.ruleId).fp++;
    falsePositives.push(`${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.secret}`);
  }
}
const misses = [];
for (const l of labels) {
  const k = key(l.file, l.line, l.rule);
  if ((open.get(k) ?? 0) > 0) {
    open.set(k, open.get(k) - 1);
    stat(l.rule).fn++;
    misses.push(`${l.file}:${l.line} ${l.rule}${l.note ? ` (${l.note})` : ''}`);
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
console.log(`errors: ${report.errors.length}; files scanned: ${report.stats.files}; skipped: ${report.stats.skipped}`);
if (misses.length) console.log(`\nmissed:\n  ${misses.join('\n  ')}`);
if (falsePositives.length) console.log(`\nfalse positives:\n  ${falsePositives.join('\n  ')}`);
