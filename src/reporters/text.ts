// The text report for people: findings grouped by file, each with its position, severity, rule,
// masked secret, why it matters and what to do; then errors, listed skips and one summary line.

import { SEVERITIES, type ScanResult, type Severity } from '../types.js';
import { type ReportContext, shownSecret } from './context.js';

const SGR: Record<Severity | 'bold' | 'dim' | 'ok', string> = {
  critical: '1;31',
  high: '31',
  medium: '33',
  low: '36',
  bold: '1',
  dim: '2',
  ok: '32',
};

export function text(result: ScanResult, ctx: ReportContext): string {
  const paint = (style: keyof typeof SGR, s: string): string => (ctx.color ? `\x1b[${SGR[style]}m${s}\x1b[0m` : s);
  const out: string[] = [];
  let file: string | undefined;
  for (const f of result.findings) {
    if (f.file !== file) {
      if (file !== undefined) out.push('');
      file = f.file;
      out.push(paint('bold', f.file));
    }
    const at = f.line === undefined ? 'file' : `${f.line}:${f.column}`;
    const where = f.commit ? `${at} @ ${f.commit.slice(0, 12)}` : at;
    out.push(`  ${where}  ${paint(f.severity, f.severity)}${f.confidence ? ` (${f.confidence} confidence)` : ''}  ${f.ruleId}${f.secret === undefined ? '' : `  ${shownSecret(f, ctx)}`}`);
    if (f.commit) {
      const later = f.laterCommits ? `; still there in ${f.laterCommits} later ${plural(f.laterCommits, 'commit')}` : '';
      out.push(`    ${paint('dim', `added by ${f.author ?? '?'} on ${f.date ?? '?'}${later}`)}`);
    }
    out.push(`    ${f.message}`);
    out.push(`    ${paint('dim', `fix: ${f.fix}`)}`);
  }
  if (result.notes?.length) {
    if (out.length > 0) out.push('');
    out.push(paint('bold', 'notes:'));
    for (const n of result.notes) out.push(`  ${n}`);
  }
  if (result.errors.length > 0) {
    if (out.length > 0) out.push('');
    out.push(paint('bold', 'errors (not scanned):'));
    for (const e of result.errors) out.push(`  ${e.file}: ${e.message}`);
  }
  if (result.skipped.length > 0) {
    if (out.length > 0) out.push('');
    out.push(paint('bold', 'skipped:'));
    for (const s of result.skipped) out.push(`  ${s.file}: ${s.reason}`);
  }
  if (out.length > 0) out.push('');
  const next = result.findings.length > 0 ? waysForward(result) : [];
  if (next.length > 0) out.push(...next, '');
  out.push(summary(result, paint));
  return `${out.join('\n')}\n`;
}

/** What to do next, for the scans that block a commit or a push. */
function waysForward(result: ScanResult): string[] {
  if (result.mode === 'worktree') return [];
  const first =
    result.mode === 'staged'
      ? 'remove the secret and stage the file again (git add); if it was ever pushed or shared, rotate it'
      : 'rotate the secret (it is in these commits), then rewrite commits not yet pushed to drop it (git rebase -i)';
  const bypass = result.mode === 'staged' ? 'git commit --no-verify (or LEAKGATE_SKIP=1 git commit)' : 'git push --no-verify (or LEAKGATE_SKIP=1 git push)';
  return [
    'How to go on:',
    `  1. ${first}`,
    '  2. not a secret? put the comment leakgate:allow on its line',
    '  3. known and accepted? run leakgate baseline and commit .leakgate-baseline.json',
    `  emergency only: ${bypass}`,
  ];
}

function summary(result: ScanResult, paint: (style: keyof typeof SGR, s: string) => string): string {
  const { stats, findings, errors } = result;
  const scanned = `${stats.files} ${plural(stats.files, 'file')} (${formatBytes(stats.bytes)}) scanned in ${(stats.durationMs / 1000).toFixed(2)} s${
    stats.skipped > 0 ? `, ${stats.skipped} skipped` : ''
  }${stats.baselined ? `, ${stats.baselined} accepted by the baseline` : ''}`;
  const parts: string[] = [];
  if (result.mode === 'staged' && stats.files === 0 && findings.length === 0 && errors.length === 0) {
    return 'nothing to scan: no staged changes add lines (stage files with git add, or scan the tree with leakgate scan)';
  }
  if (findings.length > 0) {
    const bySeverity = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}`);
    const files = new Set(findings.map((f) => f.file)).size;
    parts.push(
      paint('critical', `✖ ${findings.length} ${plural(findings.length, 'secret')} found (${bySeverity.join(', ')}) in ${files} ${plural(files, 'file')}`),
    );
  } else if (errors.length === 0) {
    parts.push(paint('ok', '✔ no secrets found'));
  }
  if (errors.length > 0) parts.push(paint('high', `⚠ scan incomplete: ${errors.length} ${plural(errors.length, 'error')}`));
  parts.push(scanned);
  return parts.join(' · ');
}

const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`);

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`;
}
