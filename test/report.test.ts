// Reporters are pure: one fixed list of findings, one snapshot per format. And no format, file or
// message ever holds a full secret unless --no-redact is given.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
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
  it('text for a blocked commit says how to go on', () => {
    const out = REPORTERS.text({ ...result, mode: 'staged', errors: [], skipped: [] }, ctx);
    expect(out).toMatchSnapshot();
    expect(out).toMatch(/How to go on:[\s\S]*stage the file again[\s\S]*leakgate:allow[\s\S]*leakgate baseline[\s\S]*--no-verify/);
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
      'ruleId', 'severity', 'confidence', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'fix', 'secret', 'fingerprint',
    ]);
    expect(out).toMatchSnapshot();
  });
  it('a clean scan says so', () => {
    expect(REPORTERS.text({ ...result, findings: [], errors: [], skipped: [] }, ctx)).toMatch(/^✔ no secrets found · 12 files/);
  });
});

describe('sarif', () => {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The official schema is JSON Schema draft-04, and one of its patterns is not valid with the u flag.
  const Ajv = ((AjvDraft04 as unknown as { default?: typeof AjvDraft04 }).default ?? AjvDraft04) as unknown as new (o: object) => {
    compile(s: object): ((data: unknown) => boolean) & { errors?: unknown };
  };
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
  const odd: ScanResult = {
    ...result,
    findings: engine.scan({ path: 'dir with space/ünï#code?.py', content: `k = "${fake.openaiLegacy()}"\n`, line: 1 }).map((f) => ({
      ...f,
      commit: 'a'.repeat(40),
      author: 'A <a@example.invalid>',
      date: '2026-01-01T00:00:00Z',
    })),
  };

  it('is valid against the SARIF 2.1.0 schema', () => {
    for (const r of [result, odd, { ...result, findings: [], errors: [] }]) {
      const log = JSON.parse(REPORTERS.sarif(r, ctx));
      expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
    }
  });

  it('has 1-based, URI-encoded, repository-relative locations and GitHub severities', () => {
    const log = JSON.parse(REPORTERS.sarif(odd, ctx));
    const [res] = log.runs[0].results;
    expect(res.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'dir%20with%20space/%C3%BCn%C3%AF%23code%3F.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 6 + fake.openaiLegacy().length },
    });
    expect(res.level).toBe('error');
    expect(log.runs[0].tool.driver.rules[res.ruleIndex]).toMatchObject({ id: 'openai-api-key', properties: { 'security-severity': '8.0' } });
    expect(res.properties.commit).toBe('a'.repeat(40));
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
  });

  it('snapshot', () => {
    expect(REPORTERS.sarif(result, ctx)).toMatchSnapshot();
  });
});

describe('github annotations', () => {
  it('puts one escaped workflow command per finding on its line', () => {
    const out = REPORTERS.github(
      { ...result, findings: [{ ...result.findings[0]!, file: 'a,b:c%.py', message: 'line one\nline two' }] },
      ctx,
    );
    const [first] = out.split('\n');
    expect(first).toMatch(/^::error file=a%2Cb%3Ac%25\.py,line=2,col=19,endLine=2,endColumn=\d+,title=leakgate%3A openai-api-key \(high\)::line one%0Aline two Found sk-proj-/);
    expect(out).toContain('::error title=leakgate%3A scan incomplete::locked.txt: cannot open: EACCES');
  });
});

describe('redaction', () => {
  const dir = tempDir();
  writeFiles(dir, { 'all.env': all.map((k) => `GEMINI_DEEPSEEK_SECRET_KEY=${k}`).join('\n') });
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
