// Reads one file for scanning, the way the working-tree sweep needs it: never through a symbolic
// link, never blocking on a FIFO, never more than the size limit, and telling "binary" by content
// (a NUL byte in the first 8000 bytes, as git does). Errors are returned, not thrown, so that one bad
// file never stops the others.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult =
  /**
   * `scratch`: the bytes are the start of the scratch buffer (else a buffer of their own). `binary`:
   * a NUL byte among the first 8000 (the caller decides: an app bundle keeps its strings, and so its
   * keys, in plain text).
   */
  | { readonly kind: 'text'; readonly bytes: Buffer; readonly scratch: boolean; readonly binary: boolean }
  /** Passed over; `listed` ones (too large) are named in the report. */
  | { readonly kind: 'skip'; readonly reason: string; readonly listed: boolean }
  /** Vanished since it was listed (deleted in the work tree): nothing to commit, nothing to scan. */
  | { readonly kind: 'gone' }
  | { readonly kind: 'error'; readonly message: string };

const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
/** Binary, as git decides: a NUL byte in the first 8000 bytes. */
export const isBinary = (bytes: Uint8Array): boolean => bytes.subarray(0, 8000).indexOf(0) !== -1;

/**
 * Reads `path` into `scratch` when it fits (the returned bytes then alias scratch and are valid
 * until the next call), or into a new buffer when it does not.
 */
export function readForScan(path: string, maxSize: number, scratch: Buffer): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (err) {
    return openFailure(err as NodeJS.ErrnoException);
  }
  try {
    const tooLarge = (size: number): ReadResult => ({ kind: 'skip', reason: `larger than --max-file-size (${size} > ${maxSize} bytes)`, listed: true });
    const first = Math.min(scratch.length, maxSize + 1);
    let n = readSync(fd, scratch, 0, first, 0);
    let bytes = scratch.subarray(0, n);
    if (n > maxSize) return tooLarge(fstatSync(fd).size);
    if (n === scratch.length) {
      // Larger than the scratch buffer: read the rest into a buffer of its own.
      const size = fstatSync(fd).size;
      if (size > maxSize) return tooLarge(size);
      const big = Buffer.allocUnsafe(Math.max(size, n) + 1);
      scratch.copy(big, 0, 0, n);
      for (let r = 1; r > 0 && n < big.length; n += r) r = readSync(fd, big, n, big.length - n, n);
      if (n > maxSize) return tooLarge(n);
      bytes = big.subarray(0, n);
    }
    return { kind: 'text', bytes, scratch: n < scratch.length, binary: isBinary(bytes) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EISDIR') return { kind: 'skip', reason: 'not a regular file', listed: false };
    if (e.code === 'EAGAIN' || e.code === 'ESPIPE') return { kind: 'skip', reason: 'not a regular file', listed: false };
    return { kind: 'error', message: `cannot read: ${e.code ?? e.message}` };
  } finally {
    closeSync(fd);
  }
}

function openFailure(e: NodeJS.ErrnoException): ReadResult {
  switch (e.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { kind: 'gone' };
    case 'ELOOP':
      return { kind: 'skip', reason: 'symbolic link (not followed)', listed: false };
    case 'ENXIO':
      return { kind: 'skip', reason: 'not a regular file', listed: false };
    default:
      return { kind: 'error', message: `cannot open: ${e.code ?? e.message}` };
  }
}
