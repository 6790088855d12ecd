// GitHub Actions workflow commands: one annotation per finding on its line, shown on the pull
// request's changed lines, and a notice per error. See "Workflow commands for GitHub Actions".

import type { ScanResult, Severity } from '../types.js';
import { type ReportContext, shownSecret } from './context.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { critical: 'error', high: 'error', medium: 'warning', low: 'notice' };

/** Escapes a command's message. */
const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escapes a command's property value. */
const property = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function github(result: ScanResult, ctx: ReportContext): string {
  const lines = result.findings.map((f) => {
    const props = [
      `file=${property(f.file)}`,
      ...(f.line === undefined ? [] : [`line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`]),
      `title=${property(`leakgate: ${f.ruleId} (${f.severity})`)}`,
    ].join(',');
    const where = f.commit ? ` (commit ${f.commit.slice(0, 12)})` : '';
    const found = f.secret === undefined ? (where ? ` In${where}.` : '') : ` Found ${shownSecret(f, ctx)}${where}.`;
    return `::${COMMAND[f.severity]} ${props}::${data(`${f.message}${found}\nFix: ${f.fix}`)}`;
  });
  for (const e of result.errors) lines.push(`::error title=${property('leakgate: scan incomplete')}::${data(`${e.file}: ${e.message}`)}`);
  const n = result.findings.length;
  lines.push(`leakgate: ${n} secret${n === 1 ? '' : 's'} found, ${result.errors.length} error(s), ${result.stats.files} files scanned`);
  return `${lines.join('\n')}\n`;
}
