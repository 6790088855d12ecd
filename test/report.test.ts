// Reporters are pure: one fixed list of findings, one snapshot per format. And no format, file or
// message ever holds a full secret unless --no-redact is given.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../src/engine.js';
import { RULES } from '../rules/index.js';
import { FORMATS, REPORTERS } from '../src/reporters/index.js';
import type { ScanResult } from '../src/types.js';
import { leakgate, tempDir, writeFiles } from './helpers.js';
import { fake } from './keys.js';

const all = Object.values(fake).map((make) => make());
const engine = new Engine(RULES);
const result: ScanResult = {
  mode: 'worktree',
  findings: [
    ...engine.scan({ path: 'src/config.py', content: `import openai\nopenai.api_key = "${fake.openaiProject()}"\n`, line: 1 }),
    ...engine.scan({ path: 'web/.env', content: `GEMINI_API_KEY=${fake.google()}\nADMIN=${fake.openaiAdmin()}\n`, line: 1 }),
  ],
  errors: [{ file: 'locked.txt', message: 'cannot open: EACCES' }],
  skipped: [{ file: 'huge.min.js', reason: 'larger than --max-file-size (60000000 > 52428800 bytes)' }],
  stats: { files: 12, bytes: 34567, skipped: 2, durationMs: 42 },
};
const ctx = { version: '0.0.0-test', redact: true, color: false };

describe('reporters', () => {
  it('text', () => {
    expect(REPORTERS.text(result, ctx)).toMatchSnapshot();
  });
  it('text in colour', () => {
    const out = REPORTERS.text(result, { ...ctx, color: true });
    expect(out).toContain('\x1b[');
    expect(out.replace(/\x1b\[[0-9;]*m/g, '')).toBe(REPORTERS.text(result, ctx));
  });
  it('json follows the contract', () => {
    const out = JSON.parse(REPORTERS.json(result, ctx));
    expect(Object.keys(out)).toEqual(['tool', 'mode', 'findings', 'errors', 'skipped', 'stats']);
    expect(out.tool).toEqual({ name: 'leakgate', version: '0.0.0-test' });
    expect(Object.keys(out.findings[0])).toEqual([
      'ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'fix', 'secret', 'fingerprint',
    ]);
    expect(out).toMatchSnapshot();
  });
  it('a clean scan says so', () => {
    expect(REPORTERS.text({ ...result, findings: [], errors: [], skipped: [] }, ctx)).toMatch(/^✔ no secrets found · 12 files/);
  });
});

describe('redaction', () => {
  const dir = tempDir();
  writeFiles(dir, { 'all.env': all.map((k, i) => `GEMINI_API_KEY_DEEPSEEK_${i}=${k}`).join('\n') });
  const leaked = (text: string) => all.filter((k) => text.includes(k));

  for (const format of FORMATS) {
    it(`${format} never holds a full key, on stdout or in --output`, () => {
      const run = leakgate(['scan', '.', '--format', format], { cwd: dir });
      expect(run.code).toBe(1);
      expect(leaked(run.stdout + run.stderr)).toEqual([]);
      const out = join(tempDir(), `report.${format}`);
      const toFile = leakgate(['scan', '.', '--format', format, '--output', out], { cwd: dir });
      expect(toFile.code).toBe(1);
      expect(leaked(readFileSync(out, 'utf8') + toFile.stdout + toFile.stderr)).toEqual([]);
    });
    it(`${format} shows keys with --no-redact`, () => {
      const run = leakgate(['scan', '.', '--format', format, '--no-redact'], { cwd: dir });
      expect(leaked(run.stdout)).toEqual(all);
    });
  }
});
