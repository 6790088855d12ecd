#!/usr/bin/env node
// The command line: parses arguments (yargs), runs a scan, writes the report, and sets the exit
// code. It is the only module that writes output or decides the exit code:
//   0  the scan completed and found nothing
//   1  the scan found secrets
//   2  error, or the scan is incomplete (a file could not be read): never reads as clean

import { writeFileSync } from 'node:fs';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { FORMATS, type Format, REPORTERS } from './reporters/index.js';
import { RULES } from '../rules/index.js';
import { sweep } from './sweep.js';
import type { ScanResult } from './types.js';

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_ERROR = 2;

/** Set by the build (scripts/build.mjs) from package.json. */
declare const LEAKGATE_VERSION: string;
const version = LEAKGATE_VERSION;

/** Parses sizes such as 5000, 512k, 10MB, 1.5GiB into bytes. */
export function parseSize(value: string | number): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(String(value));
  if (!m) throw new Error(`not a size: ${value} (try 5000, 512k or 10MB)`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.floor(Number(m[1]) * unit);
}

export function exitCode(result: ScanResult): number {
  if (result.errors.length > 0) return EXIT_ERROR;
  return result.findings.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

function fail(message: string): never {
  process.stderr.write(`leakgate: ${message}\n`);
  process.exit(EXIT_ERROR);
}

await yargs(hideBin(process.argv))
  .scriptName('leakgate')
  .usage('$0 <command> [options]')
  .command(
    'scan [path]',
    'Scan for secrets: the working tree (what `git add -A` would commit), or every file outside git',
    (y) =>
      y
        .positional('path', { type: 'string', default: '.', describe: 'Directory or file to scan' })
        .option('format', { alias: 'f', choices: FORMATS, default: 'text' as Format, describe: 'Report format' })
        .option('output', { alias: 'o', type: 'string', describe: 'Write the report to this file instead of standard output' })
        .option('redact', { type: 'boolean', default: true, describe: 'Mask secrets in every output (--no-redact shows them in full)' })
        .option('max-file-size', { type: 'string', default: '50MB', describe: 'Skip (and list) files larger than this' })
        .option('threads', { type: 'number', describe: 'Worker threads (default: one per core for large scans; 0: none)' }),
    async (argv) => {
      const maxFileSize = parseSize(argv['max-file-size']);
      const result = await sweep(argv.path, {
        maxFileSize,
        ...(argv.threads === undefined ? {} : { threads: argv.threads }),
      });
      const toFile = argv.output !== undefined;
      const color = !toFile && argv.format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR;
      const report = REPORTERS[argv.format](result, { version, redact: argv.redact, color });
      if (toFile) {
        writeFileSync(argv.output!, report);
        const n = result.findings.length;
        process.stderr.write(`leakgate: ${n} finding${n === 1 ? '' : 's'}, ${result.errors.length} error(s); report written to ${argv.output}\n`);
      } else {
        process.stdout.write(report);
      }
      process.exitCode = exitCode(result);
    },
  )
  .command(
    'rules',
    'List the built-in rules: id, severity, keywords and what each finds',
    (y) => y.option('format', { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const }),
    (argv) => {
      const rows = RULES.map((r) => ({ id: r.id, severity: r.severity, keywords: r.keywords, description: r.description }));
      process.stdout.write(
        argv.format === 'json'
          ? `${JSON.stringify(rows, null, 2)}\n`
          : rows.map((r) => `${r.id.padEnd(20)} ${r.severity.padEnd(9)} ${r.description}`).join('\n') + '\n',
      );
    },
  )
  .demandCommand(1, 'Name a command, e.g. `leakgate scan .`')
  .strict()
  .version(version)
  .help()
  .fail((msg, err) => fail(msg || err?.message || 'unknown error'))
  .parseAsync()
  .catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
