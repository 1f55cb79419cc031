import {
  CHUNK_HEADER_BYTES, type EncoderState, MAX_SAMPLE_BYTES, emptyEncoderState, encodeSample, writeChunkHeader,
} from './sample-encoder.js';

const INITIAL_BYTES = 32;

/**
 * One chunk on its own (format in `chunk-format.ts`): samples appended one at a time,
 * timestamps strictly increasing. Its buffer is allocated on the first append and grows
 * geometrically; a grown buffer is a fresh allocation, so `bytes()` stays a valid snapshot.
 * The tsdb's heads do not use it (they keep many chunks in one arena); tools and tests do.
 */
export class ChunkEncoder {
  private readonly state: EncoderState = emptyEncoderState();
  private buf = new Uint8Array(0);
  private len = 0;

  get count(): number {
    return this.state.count;
  }

  /** Time of the first sample (meaningless while `count` is 0). */
  get firstT(): number {
    return this.state.firstT;
  }

  get lastT(): number {
    return this.state.lastT;
  }

  get byteLength(): number {
    return Math.max(this.len, CHUNK_HEADER_BYTES);
  }

  /** The encoded chunk so far; a stable snapshot, later appends do not change it. */
  bytes(): Uint8Array {
    if (this.len === 0) this.reserve(0);
    return this.buf.subarray(0, this.len);
  }

  append(t: number, v: number): void {
    this.reserve(MAX_SAMPLE_BYTES);
    this.len = encodeSample(this.state, this.buf, this.len, t, v);
  }

  private reserve(extra: number): void {
    if (this.len === 0) {
      this.buf = new Uint8Array(INITIAL_BYTES);
      this.len = writeChunkHeader(this.buf, 0);
    }
    if (this.len + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + extra));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
}
