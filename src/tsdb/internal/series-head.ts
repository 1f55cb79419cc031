import { ChunkEncoder } from './codec/chunk-encoder.js';
import { newChunkId } from './random-ids.js';

/** Seal a chunk at this many samples (Prometheus uses 120): a flush rewrites at most this much per series. */
export const CHUNK_MAX_SAMPLES = 120;
/** …or when it would span more than this, so sparse series still get bounded chunks. */
export const CHUNK_MAX_SPAN_MS = 2 * 60 * 60 * 1000;

/** A chunk held in memory; `flushed` is how many of its samples the store has. */
export interface HeadChunk {
  readonly id: string;
  readonly encoder: ChunkEncoder;
  flushed: number;
  sealed: boolean;
}

/** A chunk as written by one flush: a snapshot, unaffected by appends during the write. */
export interface ChunkWrite {
  chunk: HeadChunk;
  count: number;
  startMs: number;
  endMs: number;
  data: Uint8Array;
}

/**
 * The in-memory part of one series in this process: the open chunk and sealed chunks
 * not yet flushed. Other processes have their own heads; the store merges them.
 */
export class SeriesHead {
  /** Time of the newest sample appended here; older or equal samples are dropped. */
  lastT = -Infinity;
  readonly chunks: HeadChunk[] = [];

  /** Appends a sample, or returns false when it is not newer than the last one. */
  append(t: number, v: number): boolean {
    if (t <= this.lastT) return false;
    let open = this.chunks[this.chunks.length - 1];
    if (!open || open.sealed || this.full(open, t)) {
      if (open) open.sealed = true;
      open = { id: newChunkId(), encoder: new ChunkEncoder(), flushed: 0, sealed: false };
      this.chunks.push(open);
    }
    open.encoder.append(t, v);
    this.lastT = t;
    return true;
  }

  /** Seals the open chunk when nothing was appended since `before`, so its memory goes once flushed. */
  sealIfIdle(before: number): void {
    const open = this.chunks[this.chunks.length - 1];
    if (open && !open.sealed && open.encoder.lastT < before) open.sealed = true;
    this.prune();
  }

  /** Snapshots of the chunks with samples the store has not seen. */
  pendingWrites(): ChunkWrite[] {
    const writes: ChunkWrite[] = [];
    for (const chunk of this.chunks) {
      const e = chunk.encoder;
      if (e.count === chunk.flushed) continue;
      writes.push({ chunk, count: e.count, startMs: e.firstT, endMs: e.lastT, data: e.bytes() });
    }
    return writes;
  }

  /** Records a committed write and forgets sealed chunks the store now holds in full. */
  written(write: Pick<ChunkWrite, 'chunk' | 'count'>): void {
    write.chunk.flushed = Math.max(write.chunk.flushed, write.count);
    this.prune();
  }

  private prune(): void {
    for (let i = this.chunks.length - 1; i >= 0; i--) {
      const c = this.chunks[i] as HeadChunk;
      if (c.sealed && c.flushed === c.encoder.count) this.chunks.splice(i, 1);
    }
  }

  /** Samples appended but not yet flushed. */
  get buffered(): number {
    let n = 0;
    for (const c of this.chunks) n += c.encoder.count - c.flushed;
    return n;
  }

  private full(open: HeadChunk, t: number): boolean {
    return open.encoder.count >= CHUNK_MAX_SAMPLES || t - open.encoder.firstT > CHUNK_MAX_SPAN_MS;
  }
}
