import type { Sample } from '../tsdb.js';
import { ChunkDecoder } from './codec/chunk-decoder.js';

/**
 * Samples of one series as two growable Float64Arrays, reused between series so decoding
 * many chunks allocates no object per sample. Chunks from several processes may overlap;
 * `normalize()` sorts by time and keeps one sample per timestamp.
 */
export class SampleColumns {
  t = new Float64Array(256);
  v = new Float64Array(256);
  length = 0;
  private ordered = true;

  clear(): void {
    this.length = 0;
    this.ordered = true;
  }

  push(t: number, v: number): void {
    if (this.length === this.t.length) this.grow();
    if (this.length > 0 && t <= (this.t[this.length - 1] as number)) this.ordered = false;
    this.t[this.length] = t;
    this.v[this.length] = v;
    this.length++;
  }

  /** Decodes a chunk, keeping the samples with `from <= t <= to`. */
  pushChunk(bytes: Uint8Array, from: number, to: number): void {
    const d = new ChunkDecoder(bytes);
    while (d.next()) {
      if (d.t > to) break;
      if (d.t >= from) this.push(d.t, d.v);
    }
  }

  /** Sorts by time (stable) and drops repeated timestamps, keeping the first written. */
  normalize(): void {
    if (this.ordered) return;
    const order = Array.from({ length: this.length }, (_, i) => i);
    order.sort((a, b) => (this.t[a] as number) - (this.t[b] as number) || a - b);
    const t = new Float64Array(this.t.length);
    const v = new Float64Array(this.v.length);
    let n = 0;
    for (const i of order) {
      const ti = this.t[i] as number;
      if (n > 0 && t[n - 1] === ti) continue;
      t[n] = ti;
      v[n++] = this.v[i] as number;
    }
    this.t = t;
    this.v = v;
    this.length = n;
    this.ordered = true;
  }

  toSamples(): Sample[] {
    const out: Sample[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = { t: this.t[i] as number, v: this.v[i] as number };
    return out;
  }

  private grow(): void {
    const t = new Float64Array(this.t.length * 2);
    const v = new Float64Array(this.v.length * 2);
    t.set(this.t);
    v.set(this.v);
    this.t = t;
    this.v = v;
  }
}
