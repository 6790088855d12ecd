// A window: many files' bytes back to back in one buffer, separated by a newline (which no keyword
// contains), so that the engine's keyword search makes one pass per window instead of one per
// file. Only the files that hold a keyword are then scanned. Pure: no I/O.
//
// A window's memory is a SharedArrayBuffer, so that it passes between threads without a transfer:
// transferring an ArrayBuffer detaches it, and the first detach in a thread costs V8's optimised
// code for typed arrays its assumption that none ever is (the code is thrown away and compiled
// again, with checks). The thread that sends a window does not touch it until it comes back.

import type { Engine } from './engine.js';
import type { Hits } from './keywords.js';

/** 1 MiB: the keyword search's segment (src/keywords.ts), large enough that windows are few. */
export const WINDOW_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/** What a window knows of each file: its path, or a record that holds it. */
export type Tag = string | { readonly path: string };

/** A window's contents, taken out of it to travel to another thread (its memory shared, not copied). */
export interface WindowPacket<T extends Tag> {
  readonly bytes: SharedArrayBuffer;
  readonly ends: number[];
  readonly tags: T[];
}

/** Hands each file of a packet that holds a keyword to `scan`, with the keywords it holds (its bytes are valid during the call). */
export function scanPacket<T extends Tag>(engine: Engine, packet: WindowPacket<T>, scan: (tag: T, bytes: Buffer, hits: Hits) => void): void {
  const { tags } = packet;
  // Copied into an array of this thread's making: one cloned from another thread has generic
  // elements, and the hot loops that read it would lose their optimised code to the second kind.
  const ends: number[] = [];
  for (const e of packet.ends) ends.push(e);
  const used = ends.length === 0 ? 0 : ends[ends.length - 1]!;
  const buf = Buffer.from(packet.bytes, 0, used);
  const paths: string[] = [];
  for (const t of tags) paths.push(typeof t === 'string' ? t : t.path);
  for (const [i, hits] of engine.candidates(buf, ends, paths)) scan(tags[i]!, buf.subarray(i === 0 ? 0 : ends[i - 1]! + 1, ends[i]), hits);
}

export class Window<T extends Tag> {
  private buf: Buffer;
  private readonly spare: SharedArrayBuffer[] = [];
  private used = 0;
  private tags: T[] = [];
  private ends: number[] = [];

  constructor(private readonly size = WINDOW_BYTES) {
    this.buf = Buffer.from(new SharedArrayBuffer(size));
  }

  /** The writable rest of the window, for a reader to fill; then call commit with what it wrote. */
  rest(): Buffer {
    return this.buf.subarray(this.used, this.buf.length - 1);
  }

  /** Records that the next `length` bytes of rest() hold the file tagged `tag`. */
  commit(tag: T, length: number): void {
    this.used += length;
    this.tags.push(tag);
    this.ends.push(this.used);
    this.buf[this.used++] = NEWLINE;
  }

  /** Copies `bytes` in when they fit; false when they do not (scan them on their own). */
  add(tag: T, bytes: Buffer): boolean {
    if (bytes.length > this.buf.length - 1 - this.used) return false;
    bytes.copy(this.buf, this.used);
    this.commit(tag, bytes.length);
    return true;
  }

  get free(): number {
    return this.buf.length - 1 - this.used;
  }

  get empty(): boolean {
    return this.tags.length === 0;
  }

  /** Hands each file that holds a keyword to `scan` (its bytes are valid during the call), and empties the window. */
  flush(engine: Engine, scan: (tag: T, bytes: Buffer, hits: Hits) => void): void {
    scanPacket(engine, { bytes: this.buf.buffer as SharedArrayBuffer, ends: this.ends, tags: this.tags }, scan);
    this.tags.length = 0;
    this.ends.length = 0;
    this.used = 0;
  }

  /** Takes the contents out (to send to another thread) and starts afresh on a spare or new buffer. */
  take(): WindowPacket<T> {
    const packet = { bytes: this.buf.buffer as SharedArrayBuffer, ends: this.ends, tags: this.tags };
    const spare = this.spare.pop();
    this.buf = Buffer.from(spare ?? new SharedArrayBuffer(this.size));
    this.tags = [];
    this.ends = [];
    this.used = 0;
    return packet;
  }

  /** Takes back a buffer that a packet carried away, for reuse (once the other thread is done with it). */
  recycle(bytes: SharedArrayBuffer): void {
    if (bytes.byteLength === this.size) this.spare.push(bytes);
  }
}
