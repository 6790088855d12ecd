// Every rule is a file, a test and a doc page with the fixed sections, listed once in a sorted registry.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';

const dir = new URL('../rules/', import.meta.url);
const SECTIONS = ['## What it finds', '## Why it matters', '## Examples', '## How to fix', '## Options'];

describe('rule registry', () => {
  it('is sorted by id, without duplicates', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it('lists every rule file under rules/', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(RULES.map((r) => r.id));
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has a kebab-case id, and keywords and a global or sticky pattern (content rules) or a check (file rules)', () => {
        expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        if (rule.kind === 'file') {
          expect(typeof rule.check).toBe('function');
        } else if (rule.kind === 'place') {
          expect(typeof rule.takes).toBe('function');
        } else {
          for (const p of [rule, ...(rule.variants ?? [])]) {
            expect(p.keywords.length).toBeGreaterThan(0);
            expect(p.pattern.flags).toMatch(/[gy]/);
          }
        }
        expect(rule.message.length).toBeGreaterThan(20);
        expect(rule.fix.length).toBeGreaterThan(20);
      });
      it('has a test beside it', () => {
        expect(existsSync(new URL(`${rule.id}.test.ts`, dir))).toBe(true);
      });
      it('has a doc page with the fixed sections in order', () => {
        const doc = readFileSync(new URL(`${rule.id}.md`, dir), 'utf8');
        expect(doc.startsWith(`# ${rule.id}\n`)).toBe(true);
        const at = SECTIONS.map((s) => doc.indexOf(`\n${s}\n`));
        expect(at.every((i) => i > 0)).toBe(true);
        expect([...at].sort((a, b) => a - b)).toEqual(at);
      });
    });
  }
});
