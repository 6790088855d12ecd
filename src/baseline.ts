// The baseline: findings accepted as known, by fingerprint (rule id, path and a hash of the secret;
// never the secret itself), kept in .leakgate-baseline.json at the repository root. Scans drop the
// findings it lists; `leakgate baseline` writes it from a sweep. Data only: nothing in it runs.

import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mask } from './secret.js';
import type { Finding } from './types.js';
import { writeInRepo } from './write.js';

export const BASELINE_FILE = '.leakgate-baseline.json';

interface BaselineFile {
  version: 1;
  /** What each fingerprint stood for when it was accepted, masked, for reviewers. */
  findings: { fingerprint: string; ruleId: string; file: string; secret: string }[];
}

/** The fingerprints accepted in `root`'s baseline (empty when there is none). */
export function loadBaseline(root: string): Set<string> {
  const path = join(root, BASELINE_FILE);
  if (!existsSync(path)) return new Set();
  if (lstatSync(path).isSymbolicLink()) throw new Error(`${BASELINE_FILE} is a symbolic link: refusing to follow it out of the repository`);
  let data: BaselineFile;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as BaselineFile;
  } catch (err) {
    throw new Error(`${BASELINE_FILE}: not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(data.findings)) throw new Error(`${BASELINE_FILE}: expected {"version": 1, "findings": [...]}`);
  return new Set(data.findings.map((f) => f.fingerprint));
}

/** Writes `findings` as the baseline of `root`; returns its path. */
export function writeBaseline(root: string, findings: readonly Finding[]): string {
  const data: BaselineFile = {
    version: 1,
    findings: [...new Map(findings.map((f) => [f.fingerprint, f])).values()].map((f) => ({
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      file: f.file,
      secret: f.secret === undefined ? '' : mask(f.secret),
    })),
  };
  const path = join(root, BASELINE_FILE);
  writeInRepo(path, `${JSON.stringify(data, null, 2)}\n`);
  return path;
}
