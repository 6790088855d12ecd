import { describe, expect, it } from 'vitest';
import { LINE_REACH, lineAround } from '../src/patterns.js';
import { entropy, isPlaceholder, mask } from '../src/secret.js';
import { fake } from './keys.js';

describe('mask', () => {
  it('keeps the vendor prefix and four characters at each end of a long key', () => {
    const key = fake.openaiProject();
    expect(mask(key)).toBe(`sk-proj-${key.slice(8, 12)}…${key.slice(-4)}`);
    expect(mask(fake.anthropic())).toMatch(/^sk-ant-api03-.{4}….{4}$/);
    expect(mask(fake.openaiLegacy())).toMatch(/^sk-.{4}….{4}$/);
    expect(mask(fake.groq())).toMatch(/^gsk_.{4}….{4}$/);
    expect(mask(fake.stripeLive())).toMatch(/^sk_live_.{4}….{4}$/);
    expect(mask(fake.google())).toMatch(/^AIza.{4}….{4}$/);
  });

  it('shows less of shorter secrets and nothing of very short ones', () => {
    expect(mask('Tr0ub4dor&3xyzw9')).toBe('Tr…w9');
    expect(mask('hunter22x')).toBe('h…x');
    expect(mask('pw1')).toBe('***');
  });
});

describe('isPlaceholder', () => {
  it.each(['sk-xxxxxxxxxxxxxxxxxxxxxxxx', 'REDACTED_KEY_VALUE', 'your-api-key-here', 'aaaaaaaaaaaaaaaaaaaa', 'abcdefghijklmnop', '1234567890123456', 'a1a1a1a1a1a1a1a1a1a1'])(
    '%s is a placeholder',
    (s) => expect(isPlaceholder(s)).toBe(true),
  );
  it('a random key is not', () => {
    expect(isPlaceholder(fake.openaiProject())).toBe(false);
    expect(isPlaceholder(fake.groq())).toBe(false);
  });
  it('entropy grows with randomness', () => {
    expect(entropy('aaaa')).toBe(0);
    expect(entropy('abcd')).toBe(2);
  });
  it('entropy is -Σ p·log2(p) over the characters in order of first occurrence, to the last bit, with or without characters beyond ASCII', () => {
    const reference = (s: string): number => {
      const n = new Map<string, number>();
      for (const ch of s) n.set(ch, (n.get(ch) ?? 0) + 1);
      return [...n.values()].reduce((bits, k) => bits - (k / s.length) * Math.log2(k / s.length), 0);
    };
    const samples = [fake.openaiProject(), fake.token(), fake.password(), 'Zq9!xP2@', 'mañana-contraseña-9', '密钥abc123', '🔑key🔑', 'ab\u0000c'];
    for (const s of samples) expect(entropy(s), s).toBe(reference(s));
    // The counts are reset between calls, also after a string beyond ASCII cut one short.
    expect([entropy('abcdé'), entropy('abcd')]).toEqual([reference('abcdé'), 2]);
  });
});

describe('lineAround', () => {
  it('is the line holding a match, without its line break', () => {
    const text = 'one\ntwo = x\nthree\n';
    expect(lineAround(text, 6, 7)).toBe('two = x');
    expect(lineAround(text, 0, 3)).toBe('one');
    expect(lineAround('only', 1, 2)).toBe('only');
    expect(lineAround(text, 6, 10 + 2)).toBe('two = x\nthree');
  });

  it('reads at most LINE_REACH characters either side of it on a long line', () => {
    const before = 'b'.repeat(LINE_REACH + 50);
    const after = 'a'.repeat(LINE_REACH + 50);
    const text = `x\n${before}MATCH${after}\ny`;
    const start = text.indexOf('MATCH');
    expect(lineAround(text, start, start + 5)).toBe(`${'b'.repeat(LINE_REACH)}MATCH${'a'.repeat(LINE_REACH)}`);
    expect(lineAround(`${'b'.repeat(LINE_REACH)}MATCH\n`, LINE_REACH, LINE_REACH + 5)).toBe(`${'b'.repeat(LINE_REACH)}MATCH`);
  });
});
