import { ByteArena } from './codec/byte-arena.js';
import { type EncoderState, MAX_SAMPLE_BYTES, emptyEncoderState, encodeSample, writeChunkHeader } from './codec/sample-encoder.js';
import { HeadColumns, NO_CHUNK } from './head-columns.js';

/** Seal a chunk at this many samples (Prometheus uses 120): a flush rewrites at most this much per series. */
export const CHUNK_MAX_SAMPLES = 120;
/** …or when it would span more than this, so sparse series still get bounded chunks. */
export const CHUNK_MAX_SPAN_MS = 2 * 60 * 60 * 1000;

/** A chunk opens in the smallest region: its header and first sample usually fit. */
const FIRST_REGION_CLASS = 0;
const NO_BYTES = Buffer.alloc(0);

/** A chunk held in memory as of one moment: unaffected by appends made after it was taken. */
export interface ChunkSnapshot {
  slot: number;
  /** Tells the chunks one slot has had apart. */
  generation: number;
  id: string;
  count: number;
  startMs: number;
  endMs: number;
  data: Buffer;
}

/** A chunk closed while some of its samples were not stored yet; dropped once they are. */
interface SealedChunk {
  generation: number;
  id: string;
  data: Buffer;
  count: number;
  flushed: number;
  firstT: number;
  lastT: number;
}

type ChunkFilter = (count: number, flushed: number, firstT: number, lastT: number) => boolean;

const unflushed: ChunkFilter = (count, flushed) => count > flushed;

/**
 * The in-memory part of every series this process appends to, one slot per series: the
 * open chunk (encoder state in columns, bytes in an arena) and the sealed chunks not yet
 * flushed. Other processes have their own heads; the store merges them.
 */
export class SeriesHeads {
  private readonly cols = new HeadColumns();
  private readonly arena = new ByteArena();
  private readonly sealed = new Map<number, SealedChunk[]>();
  private readonly state: EncoderState = emptyEncoderState();
  /** A sample is encoded here first, so that a region grows only by the bytes it really takes. */
  private readonly scratch = Buffer.alloc(MAX_SAMPLE_BYTES);

  /** A slot for a new series. */
  allocate(): number {
    return this.cols.allocate();
  }

  /** Appends a sample, or returns false when it is not newer than the last one of the slot. */
  append(slot: number, t: number, v: number): boolean {
    const c = this.cols;
    if (t <= (c.lastT[slot] as number)) return false;
    const count = c.count[slot] as number;
    if (count > 0 && (count >= CHUNK_MAX_SAMPLES || t - (c.firstT[slot] as number) > CHUNK_MAX_SPAN_MS)) this.seal(slot);
    if (c.address[slot] === NO_CHUNK) this.open(slot);
    c.loadState(slot, this.state);
    const bytes = encodeSample(this.state, this.scratch, 0, t, v);
    c.storeState(slot, this.state);
    this.reserve(slot, bytes);
    const address = c.address[slot] as number;
    const length = c.length[slot] as number;
    this.scratch.copy(this.arena.page(address), this.arena.offset(address) + length, 0, bytes);
    c.length[slot] = length + bytes;
    return true;
  }

  /** Closes open chunks with nothing appended since `before`, so their memory goes once flushed. */
  sealIdle(before: number): void {
    const c = this.cols;
    for (let slot = 0; slot < c.size; slot++) {
      if (c.address[slot] !== NO_CHUNK && (c.lastT[slot] as number) < before) this.seal(slot);
    }
  }

  /** Whether the slot has samples the store has not seen. */
  hasUnflushed(slot: number): boolean {
    const c = this.cols;
    return (c.address[slot] !== NO_CHUNK && (c.count[slot] as number) > (c.flushed[slot] as number)) || this.sealed.has(slot);
  }

  /** Samples appended but not yet flushed, over every slot. */
  buffered(): number {
    const c = this.cols;
    let n = 0;
    for (let slot = 0; slot < c.size; slot++) {
      if (c.address[slot] !== NO_CHUNK) n += (c.count[slot] as number) - (c.flushed[slot] as number);
    }
    for (const chunks of this.sealed.values()) for (const s of chunks) n += s.count - s.flushed;
    return n;
  }

  /** Snapshots of the chunks of `slots` with samples the store has not seen. */
  pendingWrites(slots: Iterable<number>): ChunkSnapshot[] {
    return this.snapshot(slots, unflushed);
  }

  /** Snapshots of the chunks of `slots` that may hold samples with `from <= t <= to`. */
  chunksBetween(slots: Iterable<number>, from: number, to: number): ChunkSnapshot[] {
    return this.snapshot(slots, (count, _flushed, firstT, lastT) => count > 0 && lastT >= from && firstT <= to);
  }

  /** Records a committed write, forgetting a sealed chunk once the store holds all of it. */
  written(write: Pick<ChunkSnapshot, 'slot' | 'generation' | 'count'>): void {
    const { slot, generation, count } = write;
    const c = this.cols;
    if (c.address[slot] !== NO_CHUNK && c.generation[slot] === generation) {
      c.flushed[slot] = Math.max(c.flushed[slot] as number, count);
      return;
    }
    const chunks = this.sealed.get(slot);
    const i = chunks?.findIndex((s) => s.generation === generation) ?? -1;
    if (!chunks || i < 0) return;
    const chunk = chunks[i] as SealedChunk;
    chunk.flushed = Math.max(chunk.flushed, count);
    if (chunk.flushed < chunk.count) return;
    chunks.splice(i, 1);
    if (chunks.length === 0) this.sealed.delete(slot);
  }

  /**
   * The chunks `wanted` accepts; the bytes of open chunks are copied into one new buffer,
   * as a flush or a read awaits the store before using them while appends go on.
   */
  private snapshot(slots: Iterable<number>, wanted: ChunkFilter): ChunkSnapshot[] {
    const c = this.cols;
    const out: ChunkSnapshot[] = [];
    const open: ChunkSnapshot[] = [];
    let bytes = 0;
    for (const slot of slots) {
      if (slot < 0) continue;
      for (const s of this.sealed.get(slot) ?? []) {
        if (!wanted(s.count, s.flushed, s.firstT, s.lastT)) continue;
        out.push({ slot, generation: s.generation, id: s.id, count: s.count, startMs: s.firstT, endMs: s.lastT, data: s.data });
      }
      const count = c.count[slot] as number;
      const firstT = c.firstT[slot] as number;
      const lastT = c.lastT[slot] as number;
      if (c.address[slot] === NO_CHUNK || !wanted(count, c.flushed[slot] as number, firstT, lastT)) continue;
      const snap = { slot, generation: c.generation[slot] as number, id: c.chunkId(slot), count, startMs: firstT, endMs: lastT, data: NO_BYTES };
      out.push(snap);
      open.push(snap);
      bytes += c.length[slot] as number;
    }
    const block = Buffer.allocUnsafe(bytes);
    let at = 0;
    for (const snap of open) {
      const address = c.address[snap.slot] as number;
      const offset = this.arena.offset(address);
      const length = c.length[snap.slot] as number;
      this.arena.page(address).copy(block, at, offset, offset + length);
      snap.data = block.subarray(at, at + length);
      at += length;
    }
    return out;
  }

  private open(slot: number): void {
    const c = this.cols;
    const address = this.arena.alloc(FIRST_REGION_CLASS);
    c.address[slot] = address;
    c.sizeClass[slot] = FIRST_REGION_CLASS;
    const offset = this.arena.offset(address);
    c.length[slot] = writeChunkHeader(this.arena.page(address), offset) - offset;
    c.count[slot] = 0;
    c.flushed[slot] = 0;
    c.lastDelta[slot] = 0;
    c.prevHi[slot] = 0;
    c.prevLo[slot] = 0;
    c.scale[slot] = 0;
    c.generation[slot] = (c.generation[slot] as number) + 1;
    c.newChunkId(slot);
  }

  /** Closes the open chunk: kept aside while the store lacks some of it, its region freed. */
  private seal(slot: number): void {
    const c = this.cols;
    const address = c.address[slot] as number;
    const count = c.count[slot] as number;
    const flushed = c.flushed[slot] as number;
    if (count > flushed) {
      const offset = this.arena.offset(address);
      const data = Buffer.allocUnsafe(c.length[slot] as number);
      this.arena.page(address).copy(data, 0, offset, offset + data.length);
      const chunk: SealedChunk = {
        generation: c.generation[slot] as number, id: c.chunkId(slot), data, count, flushed,
        firstT: c.firstT[slot] as number, lastT: c.lastT[slot] as number,
      };
      const chunks = this.sealed.get(slot);
      if (chunks) chunks.push(chunk);
      else this.sealed.set(slot, [chunk]);
    }
    this.arena.free(address, c.sizeClass[slot] as number);
    c.address[slot] = NO_CHUNK;
    c.count[slot] = 0;
    c.flushed[slot] = 0;
    c.length[slot] = 0;
  }

  /** Moves the open chunk to a larger region when fewer than `extra` bytes are free in its own. */
  private reserve(slot: number, extra: number): void {
    const c = this.cols;
    const length = c.length[slot] as number;
    const cls = c.sizeClass[slot] as number;
    if (length + extra <= ByteArena.capacity(cls)) return;
    const from = c.address[slot] as number;
    const next = Math.max(cls + 1, ByteArena.classFor(length + extra));
    const to = this.arena.alloc(next);
    const offset = this.arena.offset(from);
    this.arena.page(from).copy(this.arena.page(to), this.arena.offset(to), offset, offset + length);
    this.arena.free(from, cls);
    c.address[slot] = to;
    c.sizeClass[slot] = next;
  }
}
