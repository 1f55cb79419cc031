import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap.js';

describe('MinHeap', () => {
  it('pops in order whatever the push order', () => {
    const heap = new MinHeap<number>((a, b) => a < b);
    const values = Array.from({ length: 1_000 }, (_, i) => (i * 7_919) % 1_000);
    for (const v of values) heap.push(v);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop() as number);
    expect(out).toEqual([...values].sort((a, b) => a - b));
    expect(heap.pop()).toBeUndefined();
  });
});
