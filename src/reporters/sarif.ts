// The SARIF 2.1.0 report, for GitHub code scanning and other SARIF consumers. Locations are
// 1-based, POSIX, URI-encoded and relative to %SRCROOT%; severities map to levels and to GitHub's
// `security-severity`; the secret appears only masked (unless the user asked otherwise).

import { RULES } from '../../rules/index.js';
import type { Finding, ScanResult, Severity } from '../types.js';
import { confidenceOf, type ReportContext, shownSecret } from './context.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** GitHub reads this 0–10 score: 9+ critical, 7+ high, 4+ medium, else low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' };

/** A repository-relative POSIX path as a relative URI reference. */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function sarif(result: ScanResult, ctx: ReportContext): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'leakgate',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: 'https://www.npmjs.com/package/leakgate',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id
                .split('-')
                .map((w) => w[0]!.toUpperCase() + w.slice(1))
                .join(''),
              shortDescription: { text: r.description },
              fullDescription: { text: r.message },
              help: { text: `${r.message}\n\nFix: ${r.fix}`, markdown: `${r.message}\n\n**Fix:** ${r.fix}` },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { tags: ['security', 'secret'], precision: 'fallback' in r && r.fallback ? 'medium' : 'high', 'security-severity': SECURITY_SEVERITY[r.severity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the scanned repository' } } },
        invocations: [
          {
            executionSuccessful: result.errors.length === 0,
            toolExecutionNotifications: result.errors.map((e) => ({
              level: 'error',
              message: { text: e.message },
              locations: e.file.startsWith('(') ? [] : [{ physicalLocation: { artifactLocation: { uri: pathToUri(e.file), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
        results: result.findings.map((f) => resultOf(f, ctx, ruleIndex.get(f.ruleId))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function resultOf(f: Finding, ctx: ReportContext, index: number | undefined) {
  return {
    ruleId: f.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[f.severity],
    message: { text: `${f.message}${f.secret === undefined ? '' : ` Found ${shownSecret(f, ctx)}.`} Fix: ${f.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(f.file), uriBaseId: '%SRCROOT%' },
          ...(f.line === undefined ? {} : { region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } }),
        },
      },
    ],
    partialFingerprints: { 'leakgate/v1': f.fingerprint },
    properties: {
      severity: f.severity,
      confidence: confidenceOf(f),
      ...(f.secret === undefined ? {} : { secret: shownSecret(f, ctx) }),
      ...(f.commit === undefined ? {} : { commit: f.commit }),
      ...(f.author === undefined ? {} : { author: f.author }),
      ...(f.date === undefined ? {} : { date: f.date }),
    },
  };
}
