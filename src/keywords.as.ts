// The keyword search's inner loop, in AssemblyScript, compiled to WebAssembly by scripts/build.mjs
// (not by tsc: it is excluded from tsconfig.json). src/keywords.ts builds the tables and owns the
// memory layout below; this file only reads it.
//
// Teddy, as in Hyperscan and ripgrep: each keyword has an anchor, three of its bytes, and each
// anchor one of 8 buckets. For 16 positions at a time, two nibble lookups per byte (i8x16.swizzle)
// give the buckets whose anchors may have that byte there; a position where first, second and third
// byte agree on a bucket is a candidate, looked up exactly in a table of two-byte pairs, and only
// then are the keywords behind the pair compared in full.

/** u8[65536]: pair (first byte | second byte << 8) -> 1 + group; 0: no anchor starts with it. */
const TABLE: usize = 0;
/** 6 x v128: bucket bits by low and by high nibble, for the anchors' first, second and third bytes. */
const NIBBLES: usize = 65536;
/** u32[255]: group -> index of its first entry | number of entries << 16. */
const GROUPS: usize = NIBBLES + 96;
/**
 * u32[8] per entry: keyword id, offset of the anchor in the keyword, length | 1 << 16 when folded,
 * address of its bytes; then its first four bytes (fewer for a three-byte keyword) as a u32 `head`,
 * with `fold` (0x20 in each byte that is a letter of a folded keyword) and `keep` (0xff in each byte
 * it has): a text's four bytes x hold the head when ((x | fold) & keep) == head.
 */
const ENTRIES: usize = GROUPS + 1024;
/** u8[32] per group: the third bytes of its anchors, a 256-bit set. */
const THIRDS: usize = ENTRIES + 32 * 1024;

/** Where a search that stopped for want of room should go on (the length when it finished). */
export let resumeAt: i32 = 0;

/** Compares the keywords of the pair at `pos` in full; appends the occurrences to `out`. */
@inline
function compare(at: usize, n: i32, pos: i32, out: usize, count: i32): i32 {
  const group = <u32>load<u8>(TABLE + (<usize>load<u8>(at + pos) | (<usize>load<u8>(at + pos + 1) << 8)));
  if (group == 0) return count;
  // (A third byte past the end is stale memory: no keyword fits there, as the entries check.)
  const third = <usize>load<u8>(at + pos + 2);
  if (((<u32>load<u8>(THIRDS + ((<usize>group - 1) << 5) + (third >> 3)) >> (<u32>third & 7)) & 1) == 0) return count;
  const g = load<u32>(GROUPS + ((<usize>group - 1) << 2));
  const last = (g & 0xffff) + (g >> 16);
  for (let e = g & 0xffff; e < last; e++) {
    const entry = ENTRIES + (<usize>e << 5);
    const start = pos - load<i32>(entry, 4);
    const shape = load<u32>(entry, 8);
    const len = <i32>(shape & 0xffff);
    if (start < 0 || start + len > n) continue;
    const p = at + <usize>start;
    // The first four bytes at once (most words that share an anchor differ there); then the rest.
    // (A fourth byte past the end of a three-byte keyword is read and not kept.)
    if (((load<u32>(p) | load<u32>(entry, 20)) & load<u32>(entry, 24)) != load<u32>(entry, 16)) continue;
    const kw = <usize>load<u32>(entry, 12);
    let j = 4;
    if (shape >> 16) {
      for (; j < len; j++) {
        let b = <u32>load<u8>(p + j);
        if (b - 0x41 < 26) b |= 0x20;
        if (b != <u32>load<u8>(kw + j)) break;
      }
    } else {
      while (j < len && load<u8>(p + j) == load<u8>(kw + j)) j++;
    }
    if (j >= len) {
      store<u32>(out + (<usize>count << 3), load<u32>(entry));
      store<u32>(out + (<usize>count << 3), start, 4);
      count++;
    }
  }
  return count;
}

/**
 * The bucket bits of the 16 positions from `p`: a position's lane is not zero when its first, second
 * and third bytes have both nibbles in the sets of one bucket. (High nibbles by a 16-bit shift and
 * the mask: x64 has no 8-bit shift, and i8x16.shr_u is made of the same two steps.)
 */
@inline
function block(p: usize, lo0: v128, hi0: v128, lo1: v128, hi1: v128, lo2: v128, hi2: v128, low: v128): v128 {
  const v0 = v128.load(p);
  const v1 = v128.load(p + 1);
  const v2 = v128.load(p + 2);
  const m0 = v128.and(i8x16.swizzle(lo0, v128.and(v0, low)), i8x16.swizzle(hi0, v128.and(i16x8.shr_u(v0, 4), low)));
  const m1 = v128.and(i8x16.swizzle(lo1, v128.and(v1, low)), i8x16.swizzle(hi1, v128.and(i16x8.shr_u(v1, 4), low)));
  const m2 = v128.and(i8x16.swizzle(lo2, v128.and(v2, low)), i8x16.swizzle(hi2, v128.and(i16x8.shr_u(v2, 4), low)));
  return v128.and(v128.and(m0, m1), m2);
}

/** A bit for each lane of `m` that is not zero. */
@inline
function lanes(m: v128): u32 {
  return ~i8x16.bitmask(i8x16.eq(m, i8x16.splat(0))) & 0xffff;
}

/** Compares the keywords at each candidate position `i + k`, bit k of `bits` set. */
@inline
function compareEach(at: usize, n: i32, i: i32, bits: u32, out: usize, count: i32): i32 {
  for (; bits != 0; bits &= bits - 1) count = compare(at, n, i + ctz(bits), out, count);
  return count;
}

/**
 * Finds the keywords in the `n` bytes at `at`, trying anchors from position `from`, and writes
 * (keyword id, offset) pairs to `out`; returns how many. Stops before a block of 16 positions when
 * fewer than `room` of the `cap` slots per block are left, with resumeAt saying where to go on.
 */
export function find(at: usize, n: i32, from: i32, out: usize, cap: i32, room: i32): i32 {
  let count = 0;
  let i = from;
  const lo0 = v128.load(NIBBLES);
  const hi0 = v128.load(NIBBLES, 16);
  const lo1 = v128.load(NIBBLES, 32);
  const hi1 = v128.load(NIBBLES, 48);
  const lo2 = v128.load(NIBBLES, 64);
  const hi2 = v128.load(NIBBLES, 80);
  const low = i8x16.splat(0x0f);
  // Two blocks a turn, and only a turn with candidates (a few in ten) checks the room and looks closer.
  for (; i + 34 <= n; i += 32) {
    const a = block(at + i, lo0, hi0, lo1, hi1, lo2, hi2, low);
    const b = block(at + i + 16, lo0, hi0, lo1, hi1, lo2, hi2, low);
    if (v128.any_true(v128.or(a, b))) {
      if (count + 2 * room > cap) {
        resumeAt = i;
        return count;
      }
      count = compareEach(at, n, i, lanes(a) | (lanes(b) << 16), out, count);
    }
  }
  for (; i + 18 <= n; i += 16) {
    const m = block(at + i, lo0, hi0, lo1, hi1, lo2, hi2, low);
    if (v128.any_true(m)) {
      if (count + room > cap) {
        resumeAt = i;
        return count;
      }
      count = compareEach(at, n, i, lanes(m), out, count);
    }
  }
  for (; i + 1 < n; i++) {
    if (count + room > cap) {
      resumeAt = i;
      return count;
    }
    count = compare(at, n, i, out, count);
  }
  resumeAt = n;
  return count;
}
