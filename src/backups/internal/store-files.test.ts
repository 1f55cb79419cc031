import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { FileQueue } from './store-files.js';

describe('FileQueue', () => {
  it('hands out files in order as they are pushed, and ends once closed', async () => {
    const queue = new FileQueue();
    const signal = new AbortController().signal;
    const first = queue.next(signal);
    queue.push({ path: 'dump/1.dat', size: 10 }, { path: 'dump/2.dat', size: 5 });
    expect(await first).toEqual({ path: 'dump/1.dat', size: 10 });
    expect(await queue.next(signal)).toEqual({ path: 'dump/2.dat', size: 5 });
    const last = queue.next(signal);
    queue.close();
    expect(await last).toBeUndefined();
  });

  it('leaves no abort listener behind after many waits', async () => {
    const queue = new FileQueue();
    const signal = new AbortController().signal;
    for (let i = 0; i < 50; i++) {
      const next = queue.next(signal);
      queue.push({ path: `dump/${i}.dat`, size: i });
      await next;
    }
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('ends a waiting taker when its signal aborts', async () => {
    const controller = new AbortController();
    const next = new FileQueue().next(controller.signal);
    controller.abort();
    expect(await next).toBeUndefined();
  });
});
