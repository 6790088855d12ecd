// The rule tester: runs a rule's valid and invalid cases through the real engine, on text and on
// bytes, and refuses cases that could not fail (an invalid case without expected findings, a
// valid case without a source, duplicates). Both judge what a scan reports at the default
// confidence: a valid case may hold low-confidence findings, which `--confidence low` would show.

import { describe, expect, it } from 'vitest';
import { Engine } from '../src/engine.js';
import { reportedAt } from '../src/reporters/context.js';
import { mask } from '../src/secret.js';
import type { ContentRule, Finding, Severity } from '../src/types.js';

export interface ValidCase {
  /** What the case is, e.g. "Firebase web config". */
  readonly name: string;
  /** Where this false-positive pattern comes from in real life. */
  readonly source: string;
  readonly code: string;
  readonly path?: string;
}

export interface Expected {
  readonly line: number;
  readonly column: number;
  /** The full secret the finding must cover (its masked form is asserted too). */
  readonly secret: string;
  readonly severity?: Severity;
  /** A fragment the message must contain (e.g. the key kind). */
  readonly message?: string;
}

export interface InvalidCase {
  readonly name: string;
  readonly code: string;
  readonly path?: string;
  readonly errors: readonly Expected[];
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
  const run = (code: string, path = 'example.txt') => {
    const fromText = engine.scan({ path, content: code, line: 1 });
    const fromBytes = engine.scan({ path, content: Buffer.from(code, 'utf8'), line: 1 });
    expect(fromBytes).toEqual(fromText);
    return fromText;
  };

  describe(rule.id, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        unique(c.code);
        if (!c.source) throw new Error(`${rule.id}: valid case "${c.name}" must say where the pattern comes from`);
        it(c.name, () => {
          expect(run(c.code, c.path).filter(reported)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        unique(c.code);
        if (c.errors.length === 0) throw new Error(`${rule.id}: invalid case "${c.name}" expects no finding, so it cannot fail`);
        it(c.name, () => {
          const found = run(c.code, c.path).filter(reported);
          expect(found.map((f) => ({ line: f.line, column: f.column, secret: f.secret, masked: mask(f.secret!) }))).toEqual(
            c.errors.map((e) => ({ line: e.line, column: e.column, secret: e.secret, masked: mask(e.secret) })),
          );
          c.errors.forEach((e, i) => {
            const f = found[i]!;
            expect(f.ruleId).toBe(rule.id);
            if (e.severity) expect(f.severity).toBe(e.severity);
            if (e.message) expect(f.message).toContain(e.message);
            const secret = f.secret!;
            expect(f.fingerprint).not.toContain(secret);
            expect(mask(secret)).not.toContain(secret.slice(-12));
            expect(f.endLine).toBe(f.line);
            expect(f.endColumn! - f.column!).toBe(secret.length);
          });
        });
      }
    });
  });
}
