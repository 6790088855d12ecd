// The keyword search: every occurrence of many keywords in raw bytes, found in one pass. Its inner
// loop is WebAssembly with SIMD (src/keywords.as.ts, the Teddy algorithm of Hyperscan and ripgrep):
// 16 positions at a time are checked against all keywords' anchors at once, and only candidates
// are compared in full. This file chooses the anchors, lays out the tables the loop reads, and
// feeds it the bytes. One pass costs about the same for 10 keywords as for 60, where a search per
// keyword (Buffer.indexOf) costs a pass each. Pure: no I/O, no decoding.

import WASM from './generated/keywords-wasm.js';

/** A keyword to find; `fold`: in any ASCII letter case (for patterns with the i flag). */
export interface Keyword {
  readonly text: string;
  readonly fold: boolean;
}

/** Occurrences: keyword ids (indexes into the search's keywords) and byte offsets, side by side. */
export interface Hits {
  readonly ids: number[];
  readonly at: number[];
}

export const noHits = (): Hits => ({ ids: [], at: [] });

/**
 * Printable bytes ranked by how often they occur in source code, most common first (counted over
 * 90 MB of the JavaScript, TypeScript, JSON and Markdown in node_modules); bytes not listed are
 * rarer still. Anchors of rare bytes make few candidates.
 */
const COMMON = ' etrsnoia\nclpdu.hmf"g,()/=y*b:\'v{;}wk-x`SA_ET\tICRO0[j]1PDNLM>2|F#BqU&?\\3H<@!W8465+zG9V$7YK^JQX%Z\r~';
/** Each byte's rank in COMMON; unlisted bytes rank last. */
const RANK = new Uint8Array(256).fill(COMMON.length);
for (let i = 0; i < COMMON.length; i++) RANK[COMMON.charCodeAt(i)] = i;
/** A byte's estimated share of source code, from its rank (roughly Zipf's). */
const SHARE = (() => {
  const weights = Array.from({ length: 256 }, (_, b) => 1 / (RANK[b]! + 3) ** 2);
  const total = weights.reduce((a, b) => a + b);
  return weights.map((w) => w / total);
})();

// The memory layout that src/keywords.as.ts reads (byte addresses).
const TABLE = 0;
const NIBBLES = 1 << 16;
const GROUPS = NIBBLES + 96;
const MAX_GROUPS = 255;
const ENTRIES = GROUPS + 4 * MAX_GROUPS + 4;
const MAX_ENTRIES = 1024;
/** Bytes per entry: its keyword, and the keyword's first four bytes to compare at once. */
const ENTRY = 32;
/** Per group, the third bytes of its anchors: a 256-bit set. */
const THIRDS = ENTRIES + ENTRY * MAX_ENTRIES;
const KEYWORD_BYTES = THIRDS + 32 * MAX_GROUPS;
/** Hits of one call: (id, offset) pairs of u32. */
const OUT = 128 << 10;
const OUT_SLOTS = 32 << 10;
/** Bytes are searched in segments of this size (each with the few bytes after it that a keyword may reach into). */
const SEGMENT = 1 << 20;
const INPUT = OUT + 8 * OUT_SLOTS;
/** 2 MiB, as --initialMemory in scripts/build.mjs: the layout fits with room to spare. */
const MEMORY = 32 << 16;

interface Exports {
  readonly memory: WebAssembly.Memory;
  readonly resumeAt: WebAssembly.Global;
  find(at: number, n: number, from: number, out: number, cap: number, room: number): number;
}

/** Compiled once per thread, on first use. */
let compiled: WebAssembly.Module | undefined;

/** The byte spellings of a string: itself, or each ASCII case of its letters when folded. */
function spellings(text: string, fold: boolean): number[][] {
  let out: number[][] = [[]];
  for (const ch of text) {
    const cases = fold && ch.toLowerCase() !== ch.toUpperCase() ? [ch.toLowerCase(), ch.toUpperCase()] : [ch];
    out = out.flatMap((s) => cases.map((c) => [...s, c.charCodeAt(0)]));
  }
  return out;
}

/** How rare the three bytes at `at` are: the sum of their ranks, each in its more common case when folded. */
function rarity(text: string, at: number, fold: boolean): number {
  let sum = 0;
  for (let i = at; i < at + 3; i++) {
    const c = text.charCodeAt(i);
    sum += fold && /[A-Za-z]/.test(text[i]!) ? Math.min(RANK[c | 0x20]!, RANK[c & ~0x20]!) : RANK[c]!;
  }
  return sum;
}

/** The three bytes of `text` at `at`, as a key: in lower case when folded. */
const windowOf = (text: string, at: number, fold: boolean): string => (fold ? `i${text.slice(at, at + 3).toLowerCase()}` : `s${text.slice(at, at + 3)}`);

/** Nibble k of an anchor: the low (even k) or high (odd k) nibble of its byte k >> 1. */
const nibble = (anchor: readonly number[], k: number): number => (anchor[k >> 1]! >> ((k & 1) * 4)) & 15;

/** Six nibble sets (see bucketsOf) for each of 8 buckets, the anchors dealt to them in turn. */
function roundRobin(anchors: readonly (readonly number[])[]): Int32Array {
  const masks = new Int32Array(8 * 6);
  anchors.forEach((anchor, i) => {
    for (let k = 0; k < 6; k++) masks[6 * (i % 8) + k]! |= 1 << nibble(anchor, k);
  });
  return masks;
}

/**
 * The masks of 8 buckets that spread `anchors` so that few positions become candidates: for each
 * bucket and each of the anchor's three bytes, the set of low and the set of high nibbles seen (six
 * 16-bit sets a bucket). A position passes a bucket when each of its three bytes has both nibbles in
 * that position's sets, which takes about the product of the three positions' shares of source code
 * bytes with both nibbles in the sets (kept per position as nibbles are added).
 */
function bucketsOf(anchors: readonly (readonly number[])[]): Int32Array {
  const masks = new Int32Array(8 * 6);
  const passing = new Float64Array(8 * 3);
  const common = (a: readonly number[]): number => SHARE[a[0]!]! * SHARE[a[1]!]! * SHARE[a[2]!]!;
  /** What position p of bucket i passes once it takes nibbles low and high too. */
  const widened = (i: number, p: number, low: number, high: number): number => {
    const lows = masks[6 * i + 2 * p]!;
    const highs = masks[6 * i + 2 * p + 1]!;
    let share = passing[3 * i + p]!;
    // Over the set bits only (a set holds a few nibbles).
    if (((lows >> low) & 1) === 0) for (let m = highs | (1 << high); m !== 0; m &= m - 1) share += SHARE[((31 - Math.clz32(m & -m)) << 4) | low]!;
    if (((highs >> high) & 1) === 0) for (let m = lows; m !== 0; m &= m - 1) share += SHARE[(high << 4) | (31 - Math.clz32(m & -m))]!;
    return share;
  };
  // The most common anchors first, each into the bucket whose share of candidates it raises least.
  for (const anchor of [...anchors].sort((a, b) => common(b) - common(a))) {
    let best = 0;
    let least = Infinity;
    for (let i = 0; i < 8; i++) {
      let before = 1;
      let after = 1;
      for (let p = 0; p < 3; p++) {
        before *= passing[3 * i + p]!;
        after *= widened(i, p, nibble(anchor, 2 * p), nibble(anchor, 2 * p + 1));
      }
      if (after - before < least) {
        least = after - before;
        best = i;
      }
    }
    for (let p = 0; p < 3; p++) {
      passing[3 * best + p] = widened(best, p, nibble(anchor, 2 * p), nibble(anchor, 2 * p + 1));
      masks[6 * best + 2 * p]! |= 1 << nibble(anchor, 2 * p);
      masks[6 * best + 2 * p + 1]! |= 1 << nibble(anchor, 2 * p + 1);
    }
  }
  return masks;
}

export class KeywordSearch {
  readonly keywords: readonly Keyword[];
  private readonly wasm: Exports;
  private readonly memory: Uint8Array;
  /** Result slots a block of 16 positions may fill at most: the search stops for room before it. */
  private readonly room: number;
  /** Bytes a keyword may reach past its segment. */
  private readonly reach: number;
  /** The anchors until the buckets are spread well (see spread). */
  private anchors: readonly (readonly number[])[] | null;

  constructor(keywords: readonly Keyword[]) {
    this.keywords = keywords;
    compiled ??= new WebAssembly.Module(Buffer.from(WASM, 'base64'));
    this.wasm = new WebAssembly.Instance(compiled, { env: { abort: () => { throw new Error('keyword search: abort'); } } }).exports as unknown as Exports;
    if (this.wasm.memory.buffer.byteLength < MEMORY) this.wasm.memory.grow((MEMORY - this.wasm.memory.buffer.byteLength) >> 16);
    this.memory = new Uint8Array(this.wasm.memory.buffer);
    const view = new DataView(this.wasm.memory.buffer);

    // Each keyword's anchor: the three bytes that most other keywords hold too (a shared anchor
    // makes no more candidates: password, passwd and pass share "pas"), of those the rarest.
    const shared = new Map<string, number>();
    for (const { text, fold } of keywords) {
      for (const w of new Set(Array.from({ length: Math.max(0, text.length - 2) }, (_, i) => windowOf(text, i, fold)))) shared.set(w, (shared.get(w) ?? 0) + 1);
    }
    const score = (text: string, at: number, fold: boolean): number => 1000 * shared.get(windowOf(text, at, fold))! + rarity(text, at, fold);
    const groups = new Map<number, { members: { id: number; offset: number }[]; thirds: Set<number> }>();
    const anchors = new Map<number, number[]>();
    let bytesAt = KEYWORD_BYTES;
    const address: number[] = [];
    keywords.forEach(({ text, fold }, id) => {
      if (text.length < 3 || !/^[\x20-\x7e]+$/.test(text)) throw new Error(`keyword ${JSON.stringify(text)}: needs three or more printable ASCII characters`);
      let offset = 0;
      for (let i = 1, best = score(text, 0, fold); i + 3 <= text.length; i++) {
        const r = score(text, i, fold);
        if (r > best) [offset, best] = [i, r];
      }
      address[id] = bytesAt;
      this.memory.set(Buffer.from(fold ? text.toLowerCase() : text, 'latin1'), bytesAt);
      bytesAt += text.length;
      for (const anchor of spellings(text.slice(offset, offset + 3), fold)) {
        anchors.set(anchor[0]! | (anchor[1]! << 8) | (anchor[2]! << 16), anchor);
        const pair = anchor[0]! | (anchor[1]! << 8);
        const group = groups.get(pair) ?? { members: [], thirds: new Set<number>() };
        if (!group.members.some((e) => e.id === id)) group.members.push({ id, offset });
        group.thirds.add(anchor[2]!);
        groups.set(pair, group);
      }
    });
    if (groups.size > MAX_GROUPS || keywords.reduce((n, k) => n + k.text.length, KEYWORD_BYTES) > OUT) throw new Error(`keyword search: too many keywords (${keywords.length})`);

    // The exact table: pair -> group of entries, and the bytes that may follow the pair.
    let entry = 0;
    let largest = 0;
    [...groups].forEach(([pair, { members, thirds }], g) => {
      this.memory[TABLE + pair] = g + 1;
      for (const b of thirds) this.memory[THIRDS + 32 * g + (b >> 3)]! |= 1 << (b & 7);
      view.setUint32(GROUPS + 4 * g, entry | (members.length << 16), true);
      for (const { id, offset } of members) {
        if (entry === MAX_ENTRIES) throw new Error(`keyword search: too many keywords (${keywords.length})`);
        const at = ENTRIES + ENTRY * entry++;
        const { text, fold } = keywords[id]!;
        view.setUint32(at, id, true);
        view.setInt32(at + 4, offset, true);
        view.setUint32(at + 8, text.length | (fold ? 1 << 16 : 0), true);
        view.setUint32(at + 12, address[id]!, true);
        // The head: its first four bytes as stored (see keywords.as.ts).
        for (let b = 0; b < Math.min(4, text.length); b++) {
          const c = this.memory[address[id]! + b]!;
          this.memory[at + 16 + b] = c;
          this.memory[at + 20 + b] = fold && c >= 0x61 && c <= 0x7a ? 0x20 : 0;
          this.memory[at + 24 + b] = 0xff;
        }
      }
      largest = Math.max(largest, members.length);
    });
    this.room = 16 * largest;
    this.reach = Math.max(...keywords.map((k) => k.text.length)) - 1;

    // Buckets by turn to start with: a pre-commit scan searches too little to repay spreading them
    // well (see spread).
    this.anchors = [...anchors.values()];
    this.setBuckets(roundRobin(this.anchors));
  }

  /**
   * Spreads the anchors over the buckets so that few positions become candidates, for a search of
   * many bytes, which repays the few milliseconds this takes; once.
   */
  spread(): void {
    if (this.anchors === null) return;
    this.setBuckets(bucketsOf(this.anchors));
    this.anchors = null;
  }

  /** Writes the nibble tables: per nibble value, the bits of the buckets that allow it, 16 bytes for each of the six sets. */
  private setBuckets(masks: Int32Array): void {
    for (let k = 0; k < 6; k++) {
      for (let v = 0; v < 16; v++) {
        let bits = 0;
        for (let i = 0; i < 8; i++) bits |= ((masks[6 * i + k]! >> v) & 1) << i;
        this.memory[NIBBLES + 16 * k + v] = bits;
      }
    }
  }

  /**
   * Appends every occurrence in `bytes` to `out` (offsets relative to `bytes`), ordered by where
   * its anchor sits; occurrences may overlap.
   */
  find(bytes: Uint8Array, out: Hits): Hits {
    const { memory, wasm } = this;
    const view = new Uint32Array(memory.buffer, OUT, 2 * OUT_SLOTS);
    for (let base = 0; base < bytes.length; base += SEGMENT) {
      const piece = bytes.subarray(base, Math.min(bytes.length, base + SEGMENT + this.reach));
      memory.set(piece, INPUT);
      for (let from = 0; from < piece.length; ) {
        const count = wasm.find(INPUT, piece.length, from, OUT, OUT_SLOTS, this.room);
        for (let k = 0; k < count; k++) {
          const start = view[2 * k + 1]!;
          // One that starts in the bytes after the segment is the next segment's.
          if (start >= SEGMENT) continue;
          out.ids.push(view[2 * k]!);
          out.at.push(base + start);
        }
        from = wasm.resumeAt.value as number;
      }
    }
    return out;
  }
}
