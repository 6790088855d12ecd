// A Markdown summary (for $GITHUB_STEP_SUMMARY, or a pull-request comment): a verdict line, then a
// table of findings with their masked secrets, then errors.

import type { ScanResult } from '../types.js';
import { type ReportContext, shownSecret } from './context.js';

/** Escapes text for a Markdown table cell. */
const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/`/g, "'");

export function markdown(result: ScanResult, ctx: ReportContext): string {
  const out: string[] = ['## leakgate', ''];
  const n = result.findings.length;
  if (n === 0 && result.errors.length === 0) out.push(`✅ No secrets found (${result.stats.files} files scanned).`);
  if (n > 0) {
    out.push(`❌ **${n} secret${n === 1 ? '' : 's'} found.** Rotate each one: removing it from the code does not remove it from history.`, '');
    out.push('| severity | rule | location | commit | secret | fix |', '| --- | --- | --- | --- | --- | --- |');
    for (const f of result.findings) {
      out.push(
        `| ${f.severity} | \`${f.ruleId}\` | \`${cell(f.file)}${f.line === undefined ? '' : `:${f.line}`}\` | ${f.commit ? `\`${f.commit.slice(0, 12)}\`` : ''} | \`${cell(shownSecret(f, ctx))}\` | ${cell(f.fix)} |`,
      );
    }
  }
  if (result.errors.length > 0) {
    out.push('', `⚠️ **The scan is incomplete** (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}):`, '');
    for (const e of result.errors) out.push(`- \`${cell(e.file)}\`: ${cell(e.message)}`);
  }
  return `${out.join('\n')}\n`;
}
