import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { Engine, fingerprint } from '../src/engine.js';
import type { ContentRule, PlaceRule } from '../src/types.js';
import { windowOf } from './helpers.js';
import { fake } from './keys.js';

const engine = new Engine(RULES);
const key = fake.openaiProject();

/** A content rule for a test: its keywords and patterns, the rest filled in. */
const probeRule = (parts: Pick<ContentRule, 'keywords' | 'pattern'> & Partial<ContentRule>): ContentRule => ({ id: 'probe', description: 'd', severity: 'low', message: 'm', fix: 'f', ...parts });

describe('engine', () => {
  it('runs a rule only on chunks that contain one of its keywords', () => {
    const rule = probeRule({ keywords: ['GATE'], pattern: /\bq[a-z0-9]{15}\b/g });
    const probe = new Engine([rule]);
    const text = 'value = q1a2b3c4d5e6f7g8\n';
    expect(probe.scan({ path: 'a', content: Buffer.from(text), line: 1 })).toEqual([]);
    expect(probe.scan({ path: 'a', content: Buffer.from(`GATE ${text}`), line: 1 })).toHaveLength(1);
  });

  it('places findings relative to the chunk first line', () => {
    const [f] = engine.scan({ path: 'src/a.py', content: `x = 1\nk = "${key}"\n`, line: 40 });
    expect(f).toMatchObject({ file: 'src/a.py', line: 41, column: 6, endLine: 41, endColumn: 6 + key.length, ruleId: 'openai-api-key' });
  });

  it('suppresses a finding with leakgate:allow on the same line, and only that line', () => {
    const text = `a = "${key}"  # leakgate:allow\nb = "${key}"\n`;
    const found = engine.scan({ path: 'a.py', content: text, line: 1 });
    expect(found.map((f) => f.line)).toEqual([2]);
  });

  it('asks each line once whether it allows, whatever number of keys it holds', () => {
    const keys = (n: number) => Array.from({ length: n }, () => key).join(' ');
    const text = [`${keys(500)} // leakgate:allow`, keys(3), `/* leakgate:allow */ ${keys(2)}`, keys(1000)].join('\n');
    const found = engine.scan({ path: 'min.js', content: text, line: 1 });
    expect(found.map((f) => f.line)).toEqual([2, 2, 2, ...Array<number>(1000).fill(4)]);
  });

  it('finds keys in bytes that are not valid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]), Buffer.from(`KEY=${key}\n`)]);
    const [f] = engine.scan({ path: 'bin.txt', content: bytes, line: 1 });
    expect(f).toMatchObject({ line: 2, column: 5, secret: key });
  });

  it('gives a fingerprint that survives moved lines and never holds the secret', () => {
    const a = engine.scan({ path: 'x.env', content: `K=${key}\n`, line: 1 })[0]!;
    const b = engine.scan({ path: 'x.env', content: `\n\n# moved\nK=${key}\n`, line: 1 })[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).toBe(fingerprint('openai-api-key', 'x.env', key));
    expect(a.fingerprint).not.toContain(key.slice(8, 30));
    expect(engine.scan({ path: 'y.env', content: `K=${key}\n`, line: 1 })[0]!.fingerprint).not.toBe(a.fingerprint);
  });

  it('reports a key of each vendor once, with its own rule', () => {
    const text = [
      `OPENAI=${fake.openaiLegacy()}`,
      `ANTHROPIC=${fake.anthropic()}`,
      `OPENROUTER=${fake.openrouter()}`,
      `GROQ=${fake.groq()}`,
      `XAI=${fake.xai()}`,
      `PPLX=${fake.perplexity()}`,
      `HF=${fake.huggingface()}`,
      `GEMINI_API_KEY=${fake.google()}`,
      `DEEPSEEK_API_KEY=${fake.deepseek()}`,
      `STRIPE=${fake.stripeLive()}`,
    ].join('\n');
    const found = engine.scan({ path: '.env.example', content: text, line: 1 });
    expect(found.map((f) => [f.line, f.ruleId]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [1, 'openai-api-key'],
      [2, 'anthropic-api-key'],
      [3, 'openrouter-api-key'],
      [4, 'groq-api-key'],
      [5, 'xai-api-key'],
      [6, 'perplexity-api-key'],
      [7, 'huggingface-token'],
      [8, 'google-ai-api-key'],
      [9, 'deepseek-api-key'],
      [10, 'stripe-secret-key'],
    ]);
  });

  it("drops a fallback rule's finding exactly where it overlaps another rule's, however many a chunk holds", () => {
    // Two ordinary rules whose spans may overlap each other, and a fallback rule whose spans hold
    // theirs, or part of them, or none; each rule's findings alone are the truth to compare with.
    const ordinary = probeRule({ id: 'ordinary', keywords: ['zzz'], pattern: /A[0-9]{6}/g });
    const other = probeRule({ id: 'other', keywords: ['zzz'], pattern: /B[0-9AFq]{8,40}/g });
    const generic = probeRule({ id: 'generic', keywords: ['zzz'], pattern: /F[0-9a-zAB]{6,40}/g, fallback: true });
    let seed = 7;
    const rand = (n: number): number => Math.floor(((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000) * n);
    const spanOf = (f: { column?: number; endColumn?: number }): [number, number] => [f.column!, f.endColumn!];
    let dropped = 0;
    for (let round = 0; round < 60; round++) {
      const parts = ['zzz '];
      for (let i = 0, n = 5 + rand(400); i < n; i++) parts.push(['F', 'A', 'B', '.', ' ', 'q'][rand(6)]!, String(rand(1e6)), 'jkmnprst'.slice(rand(16)));
      const chunk = { path: 'a.txt', content: parts.join(''), line: 1 };
      const mine = new Engine([generic]).scan(chunk);
      const theirs = [...new Engine([ordinary]).scan(chunk), ...new Engine([other]).scan(chunk)].map(spanOf);
      const kept = mine.filter((f) => {
        const [start, end] = spanOf(f);
        return !theirs.some(([s, e]) => s < end && start < e);
      });
      dropped += mine.length - kept.length;
      const all = new Engine([ordinary, other, generic]).scan(chunk);
      expect(all.filter((f) => f.ruleId === 'generic').map(spanOf)).toEqual(kept.map(spanOf));
      expect(all.filter((f) => f.ruleId !== 'generic')).toHaveLength(theirs.length);
    }
    // The cases hold both kinds.
    expect(dropped).toBeGreaterThan(100);
  });
});

const holding = (found: [number, unknown][]): number[] => found.map(([i]) => i);

describe('keyword search over a window of files', () => {
  it('returns exactly the files that hold a keyword, whatever their position', () => {
    const files = ['nothing here', `k = "${key}"`, 'plain text', `GEMINI_API_KEY=${fake.google()}`, '', 'also clean'];
    const { window, ends } = windowOf(files);
    expect(holding(engine.candidates(window, ends, ends.map((_, i) => `f${i}.js`)))).toEqual([1, 3]);
  });

  it('asks the place rules about a file once, however many matches it holds', () => {
    const asked: string[] = [];
    const place = RULES.find((r): r is PlaceRule => r.kind === 'place')!;
    const counting: PlaceRule = { ...place, takes: (path, frameworks) => (asked.push(path), place.takes(path, frameworks)) };
    const probe = new Engine([...RULES.filter((r) => r !== place), counting]);
    const text = Array.from({ length: 50 }, (_, i) => `const c${i} = { apiKey: "${fake.token(`t${i}`)}" };`).join('\n');
    for (const path of ['src/app.js', 'dist/app.js']) probe.scan({ path, content: Buffer.from(text), line: 1 });
    expect(asked).toEqual(['src/app.js', 'dist/app.js']);
  });

  it('leaves out the files where a keyword gates only patterns that do not take the path', () => {
    const rule = probeRule({
      keywords: ['ANYWHERE'],
      pattern: /ANYWHERE=q[a-z0-9]{15}/g,
      variants: [{ keywords: ['ONLYENV'], pattern: /ONLYENV=q[a-z0-9]{15}/g, paths: /\.env$/ }],
    });
    const probe = new Engine([rule]);
    const files = ['ONLYENV=q1a2b3c4d5e6f7g8', 'ONLYENV=q1a2b3c4d5e6f7g8', 'ANYWHERE=q1a2b3c4d5e6f7g8 ONLYENV=q1a2b3c4d5e6f7g8'];
    const { window, ends } = windowOf(files);
    const found = probe.candidates(window, ends, ['a.js', 'b.env', 'c.js']);
    expect(found.map(([i, hits]) => [i, hits.ids.length])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  describe('what must follow a keyword (followedBy)', () => {
    // A name ending in KEY, then blanks and one '=' (or a ':' after at most two dots).
    const rule = probeRule({
      keywords: ['KEY'],
      followedBy: [{ skip: '[ ]', max: 3, next: '=' }],
      pattern: /KEY *= *(?<secret>q[a-z0-9]{15})/y,
      variants: [{ keywords: ['NAME'], followedBy: [{ skip: '[.]', max: 2, next: ':' }, { next: '[ ]' }], pattern: /NAME\.{0,2}: (?<secret>q[a-z0-9]{15})/y }],
    });
    const probe = new Engine([rule]);
    const value = 'q1a2b3c4d5e6f7g8';
    const counted = (text: string): number[] => {
      const { window, ends } = windowOf([text, 'KEY']);
      const fromWindow = probe.candidates(window, ends, ['a.txt', 'b.txt'])[0];
      // A chunk scanned alone drops the same hits.
      expect(probe.scan({ path: 'a.txt', content: text, line: 1 }).length > 0, text).toBe(fromWindow?.[0] === 0 && fromWindow[1].at.length > 0 && text.includes(value));
      return fromWindow?.[0] === 0 ? fromWindow[1].at : [];
    };

    it('counts an occurrence where the bytes after it follow the steps', () => {
      expect(counted(`KEY=${value}`)).toEqual([0]);
      expect(counted(`KEY   = ${value}`)).toEqual([0]);
      expect(counted(`NAME..: ${value}`)).toEqual([0]);
    });

    it('drops an occurrence where they do not: another byte, more skips than allowed, a later step unmet', () => {
      expect(counted(`KEYS=${value}`)).toEqual([]);
      expect(counted(`KEY    = ${value}`)).toEqual([]);
      expect(counted(`NAME...: ${value}`)).toEqual([]);
      expect(counted(`NAME:${value}`)).toEqual([]);
      expect(counted(`KEYS KEY=${value} KEY;`)).toEqual([5]);
    });

    it('counts an occurrence where a byte beyond ASCII or the end of the chunk comes first (the pattern decides)', () => {
      expect(counted('KEY é')).toEqual([0]);
      expect(counted('x KEY ')).toEqual([2]);
      expect(counted('NAME.')).toEqual([0]);
    });

    it('refuses a step whose classes share a character', () => {
      expect(() => new Engine([{ ...rule, followedBy: [{ skip: '[ =]', next: '=' }] }])).toThrow(/both in/);
    });
  });

  it('does not read past the end when a file ends with the start of a keyword (anse: providerGoogle, the start of GoogleGenerativeAI)', () => {
    const tail = 'export default providerGoogle';
    expect(engine.scan({ path: 'src/providers/google/index.ts', content: Buffer.from(tail), line: 1 })).toEqual([]);
    const { window, ends } = windowOf(['const a = 1;', tail]);
    expect(holding(engine.candidates(window, ends, ends.map((_, i) => `f${i}.js`)))).toEqual([]);
  });
});
