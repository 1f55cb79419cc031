import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { FakeClock } from '../../clock/index.js';
import { watchDumpSize } from './watch-dump-size.js';

describe('watchDumpSize', () => {
  it('reports the bytes under the dump folder on each tick, zero before it exists, nothing after stop', async () => {
    const clock = new FakeClock();
    const dir = join(tempDir(), 'dump');
    const seen: number[] = [];
    const stop = watchDumpSize(clock, dir, (bytes) => seen.push(bytes));
    await clock.advance(1_000);
    expect(seen).toEqual([]);
    mkdirSync(dir);
    writeFileSync(join(dir, '3001.dat'), Buffer.alloc(1500));
    await expect.poll(async () => (await clock.advance(1_000), seen.at(-1))).toBe(1500);
    stop();
    writeFileSync(join(dir, '3002.dat'), Buffer.alloc(500));
    await clock.advance(5_000);
    expect(seen.at(-1)).toBe(1500);
    expect(clock.pending).toBe(0);
  });
});
