import type { Vector, VectorSample } from '../../values.js';
import { higherFirst, lowerFirst, ValueHeap } from './value-heap.js';

/** The k largest (or smallest) samples of one group, chosen as Prometheus 2.42 chooses them. */
export class TopK {
  private readonly heap: ValueHeap;

  constructor(private readonly k: number, private readonly bottom: boolean, first: VectorSample) {
    this.heap = new ValueHeap(bottom ? higherFirst : lowerFirst);
    this.heap.push(first);
  }

  add(sample: VectorSample): void {
    const top = this.heap.top as VectorSample;
    const size = this.heap.items.length;
    const better = this.bottom ? top.v > sample.v : top.v < sample.v;
    if (size < this.k || better || Number.isNaN(top.v)) {
      if (size === this.k) {
        if (this.k === 1) return this.heap.replaceTop(sample);
        this.heap.pop();
      }
      this.heap.push(sample);
    }
  }

  /** The kept samples, best first, NaN last. */
  result(): Vector {
    // bottomk ascending, topk descending.
    const sign = this.bottom ? -1 : 1;
    return [...this.heap.items].sort((a, b) => {
      const aNaN = Number.isNaN(a.v);
      const bNaN = Number.isNaN(b.v);
      if (aNaN || bNaN) return Number(aNaN) - Number(bNaN);
      return a.v === b.v ? 0 : a.v < b.v ? sign : -sign;
    });
  }
}
