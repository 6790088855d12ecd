// The rule tester: runs a rule's valid and invalid cases through the real engine, on text and on
// bytes, and refuses cases that could not fail (an invalid case without expected findings, a
// valid case without a source, duplicates). Both judge what a scan reports at the default
// confidence: a valid case may hold low-confidence findings, which `--confidence low` would show.

import { describe, expect, it } from 'vitest';
import { Engine } from '../src/engine.js';
import { reportedAt } from '../src/reporters/context.js';
import { mask } from '../src/secret.js';
import type { ContentRule, Finding, Framework, Severity } from '../src/types.js';

export interface ValidCase {
  /** What the case is, e.g. "Firebase web config". */
  readonly name: string;
  /** Where this false-positive pattern comes from in real life. */
  readonly source: string;
  readonly code: string;
  readonly path?: string;
  /** The frameworks of the file's project (its package.json). */
  readonly frameworks?: readonly Framework[];
}

export interface Expected {
  readonly line: number;
  readonly column: number;
  /** The full secret the finding reports (its masked form is asserted too); absent: it must report none. */
  readonly secret?: string;
  /** The text the finding spans, when not its secret (a variable name, an SDK flag). */
  readonly span?: string;
  readonly severity?: Severity;
  /** A fragment the message must contain (e.g. the key kind). */
  readonly message?: string;
}

export interface InvalidCase {
  readonly name: string;
  readonly code: string;
  readonly path?: string;
  readonly frameworks?: readonly Framework[];
  readonly errors: readonly Expected[];
}

/** Line and column (1-based) of the `nth` occurrence of `text` in `code`. */
export function located(code: string, text: string, nth = 1): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k < nth; k++) i = code.indexOf(text, i + 1);
  if (i < 0) throw new Error(`not in the code: ${text}\n${code}`);
  const before = code.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

/** What a scan reports at the default confidence (medium and above). */
const reported = (f: Finding) => reportedAt(f, 'medium');

export function ruleTester(rule: ContentRule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  const engine = new Engine([rule]);
  const seen = new Set<string>();
  const unique = (code: string) => {
    if (seen.has(code)) throw new Error(`${rule.id}: duplicate test case:\n${code}`);
    seen.add(code);
  };
  const run = (code: string, path = 'example.txt', frameworks: readonly Framework[] = []) => {
    const fromText = engine.scan({ path, content: code, line: 1, frameworks });
    const fromBytes = engine.scan({ path, content: Buffer.from(code, 'utf8'), line: 1, frameworks });
    expect(fromBytes).toEqual(fromText);
    return fromText;
  };

  describe(rule.id, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        unique(c.code);
        if (!c.source) throw new Error(`${rule.id}: valid case "${c.name}" must say where the pattern comes from`);
        it(c.name, () => {
          expect(run(c.code, c.path, c.frameworks).filter(reported)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        unique(c.code);
        if (c.errors.length === 0) throw new Error(`${rule.id}: invalid case "${c.name}" expects no finding, so it cannot fail`);
        it(c.name, () => {
          const found = run(c.code, c.path, c.frameworks).filter(reported);
          const lines = c.code.split('\n');
          const spanOf = (f: Finding) => lines[f.line! - 1]!.slice(f.column! - 1, f.endColumn! - 1);
          expect(found.map((f) => ({ line: f.line, column: f.column, secret: f.secret, masked: f.secret && mask(f.secret), span: spanOf(f) }))).toEqual(
            c.errors.map((e) => ({ line: e.line, column: e.column, secret: e.secret, masked: e.secret && mask(e.secret), span: e.span ?? e.secret })),
          );
          c.errors.forEach((e, i) => {
            const f = found[i]!;
            expect(f.ruleId).toBe(rule.id);
            if (e.severity) expect(f.severity).toBe(e.severity);
            if (e.message) expect(f.message).toContain(e.message);
            expect(f.endLine).toBe(f.line);
            if (f.secret === undefined) return;
            expect(f.fingerprint).not.toContain(f.secret);
            expect(mask(f.secret)).not.toContain(f.secret.slice(-12));
          });
        });
      }
    });
  });
}
