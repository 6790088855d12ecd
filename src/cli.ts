#!/usr/bin/env node
// The command line: parses arguments, runs a scan, writes the report, and sets the exit code. It is
// the only module that writes output or decides the exit code:
//   0  the scan completed and found nothing
//   1  the scan found secrets
//   2  error, or the scan is incomplete (a file could not be read): never reads as clean
//
// The commands and options are declared once, as data, below. yargs builds the full interface from
// them (help, validation, error messages). Loading yargs costs about 80 ms, more than a whole
// pre-commit scan should take, so a well-formed invocation is first read with node:util parseArgs
// from the same declarations; anything it cannot read exactly (help, unknown or malformed options)
// goes to yargs.

import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RULES } from '../rules/index.js';
import { reportedAt } from './reporters/context.js';
import { FORMATS, type Format, REPORTERS } from './reporters/index.js';
import { ciPlan, prePushPlan, prePushShas } from './ci.js';
import { isContent, patternsOf } from './engine.js';
import { missingCommits, scanHistory, scanPlanned, scanStaged, sweep } from './modes.js';
import { selectRules } from './scan.js';
import { CONFIDENCES, type Confidence, SEVERITIES, type ScanResult, type Severity } from './types.js';

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_ERROR = 2;

/** Set by the build (scripts/build.mjs) from package.json. */
declare const LEAKGATE_VERSION: string;
const version = LEAKGATE_VERSION;

interface OptionSpec {
  readonly type: 'string' | 'boolean' | 'number';
  readonly alias?: string;
  readonly default?: string | boolean;
  readonly choices?: readonly string[];
  readonly describe: string;
}

interface CommandSpec {
  readonly name: string;
  readonly describe: string;
  /** The optional positionals (any number of them), when the command takes them. */
  readonly positional?: { readonly name: string; readonly default: readonly string[]; readonly describe: string };
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly run: (args: Args) => Promise<number> | number;
}

type Args = Record<string, string | string[] | boolean | number | undefined>;

const OUTPUT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  format: { type: 'string', alias: 'f', choices: FORMATS, default: 'text', describe: 'Report format' },
  output: { type: 'string', alias: 'o', describe: 'Write the report to this file instead of standard output' },
  redact: { type: 'boolean', default: true, describe: 'Mask secrets in every output (--no-redact shows them in full)' },
  'max-file-size': { type: 'string', default: '50MB', describe: 'Skip (and list) files larger than this (5000, 512k, 10MB)' },
  confidence: {
    type: 'string',
    choices: CONFIDENCES,
    default: 'medium',
    describe: 'Report findings of this confidence or above (key rules are always high; hardcoded-credential judges by context)',
  },
};

const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'scan',
    describe:
      'Scan for secrets: the working tree (what `git add -A` would commit; every file outside git), the given files, or with --staged what the next commit adds',
    positional: { name: 'paths', default: ['.'], describe: 'Directories or files to scan (with --staged: limit to these paths)' },
    options: {
      staged: { type: 'boolean', describe: 'Scan only the lines the index adds to HEAD (the pre-commit scan)' },
      history: { type: 'boolean', describe: 'Scan every commit reachable from any branch, tag or remote ref' },
      since: { type: 'string', describe: 'With --history: only the commits after REV (REV..HEAD)' },
      range: { type: 'string', describe: 'With --history: only the commits of a range such as A..B' },
      stash: { type: 'boolean', describe: 'With --history: include stashes' },
      'pre-push': { type: 'boolean', describe: "Scan the commits being pushed, from git's pre-push hook input on standard input" },
      fix: { type: 'boolean', describe: 'Add the missing dotenv lines to the root .gitignore (sweep only), then scan again' },
      format: OUTPUT_OPTIONS.format!,
      output: OUTPUT_OPTIONS.output!,
      redact: OUTPUT_OPTIONS.redact!,
      'max-file-size': OUTPUT_OPTIONS['max-file-size']!,
      confidence: OUTPUT_OPTIONS.confidence!,
      rules: { type: 'string', describe: 'Run only these rules: comma-separated ids (see `leakgate rules`)' },
      threads: { type: 'number', describe: 'Worker threads besides the main one (default for large scans: one per core but one; 0: none)' },
    },
    run: runScan,
  },
  {
    name: 'ci',
    describe:
      'The CI gate: scan the commits of this push or pull request (GitHub Actions, GitLab CI, Bitbucket, Azure Pipelines, CircleCI, Jenkins), or those since --since',
    options: {
      ...OUTPUT_OPTIONS,
      format: { ...OUTPUT_OPTIONS.format!, default: process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text', describe: 'Report format (github on GitHub Actions)' },
      since: { type: 'string', describe: 'Scan the commits after REV (REV..HEAD), whatever the CI says' },
      'fail-on': { type: 'string', choices: SEVERITIES, default: 'low', describe: 'Exit 1 only for findings of this severity or above' },
      sarif: { type: 'string', describe: 'Also write a SARIF report to this file (for code scanning upload)' },
    },
    run: runCi,
  },
  {
    name: 'hook',
    describe: 'Install (or uninstall) the git hooks, joining husky, pre-commit, lefthook or simple-git-hooks where the repository uses them',
    positional: { name: 'action', default: ['install'], describe: 'install or uninstall' },
    options: {
      'pre-push': { type: 'boolean', describe: 'Also install the pre-push hook (scans the commits being pushed)' },
    },
    run: async (args) => {
      const [action, ...rest] = args.action as string[];
      if (rest.length > 0 || (action !== 'install' && action !== 'uninstall')) throw new UsageError('leakgate hook install|uninstall [--pre-push]');
      const { installHooks, uninstallHooks } = await import('./hook.js');
      const done =
        action === 'install'
          ? await installHooks(process.cwd(), args['pre-push'] ? ['pre-commit', 'pre-push'] : ['pre-commit'])
          : await uninstallHooks(process.cwd());
      process.stdout.write(`${done.join('\n')}\n`);
      return EXIT_CLEAN;
    },
  },
  {
    name: 'baseline',
    describe: 'Accept the current findings as known: sweep and write their fingerprints (never the secrets) to .leakgate-baseline.json',
    positional: { name: 'paths', default: ['.'], describe: 'Directories or files to sweep' },
    options: {},
    run: async (args) => {
      const { BASELINE_FILE, writeBaseline } = await import('./baseline.js');
      const { workTreeRoot } = await import('./sources/git.js');
      const paths = args.paths as string[];
      const root = (await workTreeRoot(paths[0]!)) ?? paths[0]!;
      // Start from nothing, so that findings already accepted are written again.
      const result = await sweep(paths, { maxFileSize: parseSize('50MB'), ignoreBaseline: true });
      const file = writeBaseline(root, result.findings);
      process.stdout.write(`leakgate: ${result.findings.length} finding(s) accepted in ${file}; commit ${BASELINE_FILE} to share it\n`);
      return result.errors.length > 0 ? EXIT_ERROR : EXIT_CLEAN;
    },
  },
  {
    name: 'rules',
    describe: 'List the built-in rules: id, severity, keywords and what each finds',
    options: { format: { type: 'string', alias: 'f', choices: ['text', 'json'], default: 'text', describe: 'Output format' } },
    run: (args) => {
      const rows = RULES.map((r) => {
        // Every pattern's keywords; those of patterns that ignore case match in any case.
        const specs = isContent(r) ? patternsOf(r) : [];
        const keywords = (anyCase: boolean): string[] => [...new Set(specs.filter((p) => p.pattern.ignoreCase === anyCase).flatMap((p) => p.keywords))];
        return {
          id: r.id,
          kind: r.kind ?? 'content',
          ...('key' in r && r.key ? { key: true } : {}),
          severity: r.severity,
          keywords: keywords(false),
          ...(keywords(true).length > 0 ? { keywordsAnyCase: keywords(true) } : {}),
          description: r.description,
        };
      });
      process.stdout.write(
        args.format === 'json'
          ? `${JSON.stringify(rows, null, 2)}\n`
          : `${rows.map((r) => `${r.id.padEnd(20)} ${r.severity.padEnd(9)} ${r.description}`).join('\n')}\n`,
      );
      return EXIT_CLEAN;
    },
  },
];

/** Parses sizes such as 5000, 512k, 10MB, 1.5GiB into bytes. */
function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(value);
  if (!m) throw new UsageError(`--max-file-size: not a size: ${value} (try 5000, 512k or 10MB)`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.floor(Number(m[1]) * unit);
}

class UsageError extends Error {}

async function runScan(args: Args): Promise<number> {
  const threads = args.threads;
  if (threads !== undefined && !(typeof threads === 'number' && Number.isInteger(threads) && threads >= 0)) {
    throw new UsageError('--threads takes a whole number (0 for none)');
  }
  const paths = args.paths as string[];
  const maxFileSize = parseSize(String(args['max-file-size']));
  const modes = ['staged', 'history', 'pre-push', 'fix'].filter((m) => args[m]);
  if (modes.length > 1) throw new UsageError(`--${modes.join(' and --')} are different scans: choose one`);
  if (args['pre-push']) return report(await prePush(maxFileSize), args);
  if ((args.since !== undefined || args.range !== undefined || args.stash) && !args.history) {
    throw new UsageError('--since, --range and --stash go with --history');
  }
  if (args.fix) return report(await fixThenSweep(paths, maxFileSize), args);
  const ruleIds = typeof args.rules === 'string' ? args.rules.split(',').map((r) => r.trim()).filter(Boolean) : undefined;
  if (ruleIds) selectRules(ruleIds); // an unknown id is a usage error before any scan starts
  const only = ruleIds ? { ruleIds } : {};
  const result = args.history
    ? await scanHistory(args.pathsGiven ? paths[0]! : process.cwd(), {
        revs: historyRevs(args),
        maxFileSize,
        wholeHistory: args.since === undefined && args.range === undefined,
        ...only,
      })
    : args.staged
      ? await scanStaged(process.cwd(), args.pathsGiven ? paths : [], ruleIds)
      : await sweep(paths, { maxFileSize, ...only, ...(typeof threads === 'number' ? { threads } : {}) });
  return report(result, args);
}

/** Writes the report where asked and returns the exit code for it. */
function report(scanned: ScanResult, args: Args, gate: { failOn: Severity; summary: boolean } = { failOn: 'low', summary: false }): number {
  const least = (args.confidence ?? 'medium') as Confidence;
  const result = { ...scanned, findings: scanned.findings.filter((f) => reportedAt(f, least)) };
  const format = args.format as Format;
  const output = args.output as string | undefined;
  const color = output === undefined && format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const ctx = { version, redact: args.redact !== false, color };
  const text = REPORTERS[format](result, ctx);
  if (output !== undefined) {
    writeFileSync(output, text);
    const n = result.findings.length;
    process.stderr.write(`leakgate: ${n} finding${n === 1 ? '' : 's'}, ${result.errors.length} error(s); report written to ${output}\n`);
  } else {
    process.stdout.write(text);
  }
  if (gate.summary && process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, REPORTERS.markdown(result, ctx));
  if (result.errors.length > 0) return EXIT_ERROR;
  const bar = SEVERITIES.indexOf(gate.failOn);
  return result.findings.some((f) => SEVERITIES.indexOf(f.severity) <= bar) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** The pre-push scan: git hands the hook one line per ref being pushed. */
async function prePush(maxFileSize: number): Promise<ScanResult> {
  // The pre-commit framework hands a pre-push hook the range in variables instead of standard input.
  const { PRE_COMMIT_FROM_REF: from, PRE_COMMIT_TO_REF: to } = process.env;
  const input = to ? `HEAD ${to} HEAD ${from || '0'.repeat(40)}\n` : readFileSync(0, 'utf8');
  const shas = prePushShas(input);
  const missing = new Set(await missingCommits(process.cwd(), shas));
  return scanPlanned(process.cwd(), prePushPlan(input, (sha) => !missing.has(sha)), maxFileSize);
}

async function runCi(args: Args): Promise<number> {
  const eventPath = process.env.GITHUB_EVENT_PATH;
  const event = process.env.GITHUB_ACTIONS === 'true' && eventPath ? (JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>) : null;
  const plan = ciPlan(process.env, event, args.since as string | undefined);
  process.stderr.write(`leakgate ci: ${plan.source}${plan.revs.length ? `: ${plan.revs.join(' ')}` : ': nothing to scan'}\n`);
  const result = await scanPlanned(process.cwd(), plan, parseSize(String(args['max-file-size'])));
  if (typeof args.sarif === 'string') {
    writeFileSync(args.sarif, REPORTERS.sarif(result, { version, redact: args.redact !== false, color: false }));
  }
  return report(result, args, { failOn: args['fail-on'] as Severity, summary: true });
}

/** --fix: sweep, append the .gitignore lines dotenv findings call for, say what changed, sweep again. */
async function fixThenSweep(paths: string[], maxFileSize: number): Promise<ScanResult> {
  const { fixDotenv } = await import('./fix.js');
  const { workTreeRoot } = await import('./sources/git.js');
  const root = await workTreeRoot(paths[0]!);
  if (root === null) throw new UsageError('--fix edits .gitignore: run it inside a git work tree');
  const first = await sweep(paths, { maxFileSize });
  const fixed = await fixDotenv(root, first.findings);
  if (fixed.added.length === 0) process.stderr.write('leakgate --fix: .gitignore already has what it needs; nothing changed\n');
  else process.stderr.write(`leakgate --fix: appended to ${fixed.gitignore}:\n${fixed.added.map((l) => `  + ${l}`).join('\n')}\n`);
  for (const f of fixed.stillNotIgnored) process.stderr.write(`leakgate --fix: git still does not ignore ${f} (a negation in a .gitignore overrides it?)\n`);
  return sweep(paths, { maxFileSize });
}

/** The rev-list arguments for a history scan. */
function historyRevs(args: Args): string[] {
  if (args.since !== undefined && args.range !== undefined) throw new UsageError('give --since or --range, not both');
  const rev = (args.range ?? args.since) as string | undefined;
  if (rev !== undefined && rev.startsWith('-')) throw new UsageError(`not a revision: ${rev}`);
  if (args.range !== undefined) {
    if (!String(args.range).includes('..')) throw new UsageError(`--range takes A..B, not ${args.range}`);
    return [String(args.range)];
  }
  if (args.since !== undefined) return [`${args.since}..HEAD`];
  return args.stash ? ['--all'] : ['--exclude=refs/stash', '--all'];
}

/**
 * Reads a well-formed invocation of a command with parseArgs, from the same declarations yargs
 * uses; null when anything is off (or help is asked for), so that yargs explains it.
 */
function quickParse(argv: readonly string[]): { command: CommandSpec; args: Args } | null {
  const command = COMMANDS.find((c) => c.name === argv[0]);
  if (!command) return null;
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, o] of Object.entries(command.options)) {
    options[name] = { type: o.type === 'boolean' ? 'boolean' : 'string', ...(o.alias ? { short: o.alias } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv.slice(1), options, allowPositionals: true, allowNegative: true, strict: true });
  } catch {
    return null;
  }
  const positionals = parsed.positionals;
  if (positionals.length > 0 && !command.positional) return null;
  const args: Args = {};
  if (command.positional) withPositionals(args, command.positional, positionals);
  for (const [name, o] of Object.entries(command.options)) {
    const value = (parsed.values as Record<string, string | boolean | undefined>)[name] ?? o.default;
    if (value === undefined) continue;
    if (o.choices && !o.choices.includes(String(value))) return null;
    if (o.type === 'number') {
      if (typeof value !== 'string' || !/^\d+$/.test(value)) return null;
      args[name] = Number(value);
    } else {
      args[name] = value;
    }
  }
  return { command, args };
}

/** Sets the positionals of a command, and whether they were given or are the default. */
function withPositionals(args: Args, spec: NonNullable<CommandSpec['positional']>, given: readonly string[] | undefined): void {
  args.pathsGiven = given !== undefined && given.length > 0;
  // (pathsGiven: whether the user named any; for scan, paths limit a staged scan only when given)
  args[spec.name] = args.pathsGiven ? [...given!] : [...spec.default];
}

/** The full interface, for help, validation and error messages. */
async function yargsParse(argv: readonly string[]): Promise<number> {
  const { default: yargs } = await import('yargs');
  let code = EXIT_CLEAN;
  let y = yargs([...argv]).scriptName('leakgate').usage('$0 <command> [options]');
  for (const c of COMMANDS) {
    y = y.command(
      c.positional ? `${c.name} [${c.positional.name}..]` : c.name,
      c.describe,
      (b) => {
        if (c.positional) b.positional(c.positional.name, { type: 'string', array: true, describe: c.positional.describe });
        for (const [name, o] of Object.entries(c.options)) {
          b.option(name, { ...o, ...(o.choices ? { choices: [...o.choices] } : {}) });
        }
        return b;
      },
      async (args) => {
        if (c.positional) withPositionals(args as Args, c.positional, args[c.positional.name] as string[] | undefined);
        code = await c.run(args as Args);
      },
    );
  }
  await y
    .demandCommand(1, 'Name a command, e.g. `leakgate scan .`')
    .strict()
    .version(version)
    .help()
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    })
    .parseAsync();
  return code;
}

async function main(argv: readonly string[]): Promise<number> {
  const quick = quickParse(argv);
  return quick ? quick.command.run(quick.args) : yargsParse(argv);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`leakgate: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT_ERROR;
  },
);
