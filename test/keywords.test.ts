import { describe, expect, it } from 'vitest';
import { type Keyword, KeywordSearch, noHits } from '../src/keywords.js';

/** Every occurrence by brute force: the reference the one-pass search must agree with. */
function naive(keywords: readonly Keyword[], text: string): [number, number][] {
  const out: [number, number][] = [];
  keywords.forEach(({ text: k, fold }, id) => {
    const hay = fold ? text.replace(/[A-Z]/g, (c) => c.toLowerCase()) : text;
    const needle = fold ? k.toLowerCase() : k;
    for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) out.push([id, at]);
  });
  return out.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

function found(search: KeywordSearch, text: string): [number, number][] {
  const hits = search.find(Buffer.from(text, 'latin1'), noHits());
  return hits.ids.map((id, k): [number, number] => [id, hits.at[k]!]).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

describe('keyword search', () => {
  const keywords: Keyword[] = [
    { text: 'T3BlbkFJ', fold: false },
    { text: 'sk-ant-', fold: false },
    { text: 'x.ai', fold: false },
    { text: 'key', fold: true },
    { text: 'pass', fold: true },
    { text: '://', fold: false },
    { text: 'aaa', fold: false },
    { text: 'aaaa', fold: false },
    { text: 'KeY', fold: false },
    // The same first two bytes as pass's anchor, another third.
    { text: 'paT', fold: false },
    // Folded, with a byte that is no letter among the first four (compared at once, the anchor
    // being "zqx"): exact there, where 0x0e | 0x20 would be '.'.
    { text: '.zqX', fold: true },
  ];
  const search = new KeywordSearch(keywords);

  it('finds overlapping occurrences, at both ends, in any case for folded keywords only', () => {
    const text = 'keyAPI_KEY=1 aaaa KeY sk-ant-sk-ant- https://x.ai PassWord T3BlbkF T3BlbkFJ .ZqX \x0ezqx';
    expect(found(search, text)).toEqual(naive(keywords, text));
    expect(found(search, 'key')).toEqual([[3, 0]]);
    expect(found(search, 'ke')).toEqual([]);
    expect(found(search, 'k')).toEqual([]);
    expect(found(search, '')).toEqual([]);
  });

  it('finds a keyword that straddles the 1 MiB segments it searches in, once', () => {
    for (const [keyword, id] of [['T3BlbkFJ', 0], ['key', 3]] as const) {
      for (const at of [(1 << 20) - 4, (1 << 20) - 1, 1 << 20, (1 << 20) + 2, (2 << 20) - 2]) {
        const text = Buffer.alloc((2 << 20) + 100, 'x');
        text.write(keyword, at, 'latin1');
        expect(found(search, text.toString('latin1'))).toEqual([[id, at]]);
      }
    }
  });

  it('finds every occurrence when there are more than one call can hold (a file of nothing but keywords)', () => {
    const text = 'KEY'.repeat(400_000);
    const hits = found(search, text);
    expect(hits).toHaveLength(400_000);
    expect(hits.every(([id, at], k) => id === 3 && at === 3 * k)).toBe(true);
  });

  it('agrees with a brute-force search on random text over a small alphabet, before and after it spreads its buckets', () => {
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const alphabet = 'keyKEYpasPASs-ant:/.xiaT3BlbkFJ \n';
    const fresh = new KeywordSearch(keywords);
    for (const phase of ['by turn', 'spread']) {
      for (let round = 0; round < 200; round++) {
        const text = Array.from({ length: rand(300) }, () => alphabet[rand(alphabet.length)]).join('');
        expect(found(fresh, text), phase).toEqual(naive(keywords, text));
      }
      fresh.spread();
    }
  });

  it('does not take bytes beyond ASCII for letters in another case', () => {
    // 0xCB | 0x20 is 0xEB: only A-Z fold.
    expect(found(new KeywordSearch([{ text: 'key', fold: true }]), '\xcbEY k\xc5y')).toEqual([]);
  });

  it('refuses a keyword it cannot anchor', () => {
    expect(() => new KeywordSearch([{ text: 'ke', fold: false }])).toThrow(/three or more/);
    expect(() => new KeywordSearch([{ text: 'clé', fold: false }])).toThrow(/ASCII/);
  });
});
