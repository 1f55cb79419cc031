import type { EncoderState } from './codec/sample-encoder.js';
import { fillRandom } from './random-ids.js';

/** A chunk id: 72 random bits, 12 characters of base64url, so processes never collide and rows stay small. */
const CHUNK_ID_BYTES = 9;
/** `address` of a slot without an open chunk. */
export const NO_CHUNK = -1;

type Column = Float64Array | Uint32Array | Uint16Array | Uint8Array | Int32Array;

/**
 * The per-series state of the heads as typed-array columns indexed by slot: about 60 bytes
 * a series, where objects per head, chunk and encoder took several hundred. Columns grow by
 * doubling; a slot is never given back (a series that went idle keeps its newest time).
 */
export class HeadColumns {
  /** Slots handed out. */
  size = 0;
  /** Newest sample appended to the series; older or equal samples are dropped. */
  lastT = new Float64Array(0);
  // The open chunk: its encoder state…
  firstT = new Float64Array(0);
  lastDelta = new Float64Array(0);
  prevHi = new Uint32Array(0);
  prevLo = new Uint32Array(0);
  scale = new Uint8Array(0);
  count = new Uint16Array(0);
  /** …how many of its samples the store holds… */
  flushed = new Uint16Array(0);
  /** …its bytes: a region of the arena, or NO_CHUNK… */
  address = new Int32Array(0);
  sizeClass = new Uint8Array(0);
  length = new Uint32Array(0);
  /** …and its identity: a counter telling chunks of one slot apart, and the stored id. */
  generation = new Uint32Array(0);
  private ids = Buffer.alloc(0);

  /** A new slot: no samples, no open chunk. */
  allocate(): number {
    if (this.size === this.lastT.length) this.grow(Math.max(1024, this.size * 2));
    const slot = this.size++;
    this.lastT[slot] = -Infinity;
    this.address[slot] = NO_CHUNK;
    return slot;
  }

  /** Gives the slot's open chunk a fresh random id. */
  newChunkId(slot: number): void {
    fillRandom(this.ids, slot * CHUNK_ID_BYTES, CHUNK_ID_BYTES);
  }

  chunkId(slot: number): string {
    return this.ids.toString('base64url', slot * CHUNK_ID_BYTES, (slot + 1) * CHUNK_ID_BYTES);
  }

  /** Copies the slot's encoder state into `s` (one object serves every slot). */
  loadState(slot: number, s: EncoderState): void {
    s.count = this.count[slot] as number;
    s.firstT = this.firstT[slot] as number;
    s.lastT = this.lastT[slot] as number;
    s.lastDelta = this.lastDelta[slot] as number;
    s.prevHi = this.prevHi[slot] as number;
    s.prevLo = this.prevLo[slot] as number;
    s.scale = this.scale[slot] as number;
  }

  storeState(slot: number, s: EncoderState): void {
    this.count[slot] = s.count;
    this.firstT[slot] = s.firstT;
    this.lastT[slot] = s.lastT;
    this.lastDelta[slot] = s.lastDelta;
    this.prevHi[slot] = s.prevHi;
    this.prevLo[slot] = s.prevLo;
    this.scale[slot] = s.scale;
  }

  private grow(capacity: number): void {
    this.lastT = grown(this.lastT, capacity);
    this.firstT = grown(this.firstT, capacity);
    this.lastDelta = grown(this.lastDelta, capacity);
    this.prevHi = grown(this.prevHi, capacity);
    this.prevLo = grown(this.prevLo, capacity);
    this.scale = grown(this.scale, capacity);
    this.count = grown(this.count, capacity);
    this.flushed = grown(this.flushed, capacity);
    this.address = grown(this.address, capacity);
    this.sizeClass = grown(this.sizeClass, capacity);
    this.length = grown(this.length, capacity);
    this.generation = grown(this.generation, capacity);
    const ids = Buffer.alloc(capacity * CHUNK_ID_BYTES);
    this.ids.copy(ids);
    this.ids = ids;
  }
}

function grown<T extends Column>(column: T, capacity: number): T {
  const next = new (column.constructor as new (length: number) => T)(capacity);
  next.set(column);
  return next;
}
