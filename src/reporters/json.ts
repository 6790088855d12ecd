// The JSON report: a stable contract for CI users and tools. Fields are only ever added, never
// renamed or removed. Positions are 1-based; endColumn is exclusive; secrets masked unless asked.

import type { ScanResult } from '../types.js';
import { confidenceOf, type ReportContext, shownSecret } from './context.js';

export function json(result: ScanResult, ctx: ReportContext): string {
  const report = {
    tool: { name: 'leakgate', version: ctx.version },
    mode: result.mode,
    ...(result.notes?.length ? { notes: result.notes } : {}),
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      confidence: confidenceOf(f),
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.commit === undefined ? {} : { commit: f.commit }),
      ...(f.author === undefined ? {} : { author: f.author }),
      ...(f.date === undefined ? {} : { date: f.date }),
      ...(f.laterCommits === undefined ? {} : { laterCommits: f.laterCommits }),
      message: f.message,
      fix: f.fix,
      ...(f.secret === undefined ? {} : { secret: shownSecret(f, ctx) }),
      fingerprint: f.fingerprint,
    })),
    errors: result.errors,
    skipped: result.skipped,
    stats: result.stats,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
