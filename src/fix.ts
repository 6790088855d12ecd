// `leakgate scan --fix`: appends to the repository's root .gitignore the lines that make git ignore
// the dotenv files a sweep found unignored (never removing or reordering what is there), then asks
// git whether every one of them is now ignored. Returns what it did, for the CLI to print.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ignoreLines } from './dotenv.js';
import { gitWithInput } from './sources/git.js';
import type { Finding } from './types.js';
import { writeInRepo } from './write.js';

export interface FixResult {
  readonly gitignore: string;
  /** The lines appended (empty: nothing to change). */
  readonly added: string[];
  /** Files git still does not ignore after the change (a later negation overrides it, say). */
  readonly stillNotIgnored: string[];
}

const HEADER = '# dotenv files hold secrets: keep them out of git (added by leakgate scan --fix)';

export async function fixDotenv(root: string, findings: readonly Finding[]): Promise<FixResult> {
  const files = findings.filter((f) => f.ruleId === 'dotenv-not-ignored').map((f) => f.file);
  const gitignore = join(root, '.gitignore');
  if (files.length === 0) return { gitignore, added: [], stillNotIgnored: [] };
  const before = existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : '';
  const present = new Set(before.split(/\r?\n/).map((l) => l.trim()));
  const added = [...new Set(files.flatMap(ignoreLines))].filter((line) => !present.has(line));
  if (added.length > 0) {
    const eol = before.includes('\r\n') ? '\r\n' : '\n';
    const sep = before === '' || before.endsWith('\n') ? '' : eol;
    writeInRepo(gitignore, `${before}${sep}${before === '' ? '' : eol}${[HEADER, ...added].join(eol)}${eol}`);
  }
  // Git is the judge: ask it which of the files it now ignores.
  let ignored = '';
  try {
    ignored = await gitWithInput(['check-ignore', '-z', '--stdin'], root, files.join('\0') + '\0');
  } catch {
    ignored = ''; // exit 1: none ignored
  }
  const now = new Set(ignored.split('\0').filter(Boolean));
  return { gitignore, added, stillNotIgnored: files.filter((f) => !now.has(f)) };
}
