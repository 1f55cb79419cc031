import type { VectorSample } from '../../values.js';

/**
 * A binary heap that moves elements exactly as Go's `container/heap` does, so that
 * topk/bottomk keep the same one of several equal values as Prometheus.
 */
export class ValueHeap {
  readonly items: VectorSample[] = [];

  /** `less(a, b)`: `a` belongs nearer the top (the element to evict first). */
  constructor(private readonly less: (a: VectorSample, b: VectorSample) => boolean) {}

  get top(): VectorSample | undefined {
    return this.items[0];
  }

  push(item: VectorSample): void {
    this.items.push(item);
    this.up(this.items.length - 1);
  }

  pop(): VectorSample | undefined {
    const last = this.items.length - 1;
    this.swap(0, last);
    this.down(0, last);
    return this.items.pop();
  }

  /** Replaces the top element in place (Go's k = 1 shortcut, which skips the heap fix-up). */
  replaceTop(item: VectorSample): void {
    this.items[0] = item;
  }

  private up(j: number): void {
    while (j > 0) {
      const parent = (j - 1) >> 1;
      if (!this.less(this.at(j), this.at(parent))) break;
      this.swap(parent, j);
      j = parent;
    }
  }

  private down(i: number, n: number): void {
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      let child = left;
      if (left + 1 < n && this.less(this.at(left + 1), this.at(left))) child = left + 1;
      if (!this.less(this.at(child), this.at(i))) break;
      this.swap(i, child);
      i = child;
    }
  }

  private at(i: number): VectorSample {
    return this.items[i] as VectorSample;
  }

  private swap(i: number, j: number): void {
    const a = this.at(i);
    this.items[i] = this.at(j);
    this.items[j] = a;
  }
}

/** Prometheus's order for topk's heap: NaN sorts below everything. */
export function lowerFirst(a: VectorSample, b: VectorSample): boolean {
  return Number.isNaN(a.v) || a.v < b.v;
}

/** Prometheus's order for bottomk's heap: NaN sorts above everything. */
export function higherFirst(a: VectorSample, b: VectorSample): boolean {
  return Number.isNaN(a.v) || a.v > b.v;
}
