import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { FakeClock } from '../../clock/index.js';
import { DumpFileTracker } from './dump-file-tracker.js';
import type { PlainFile } from './store-files.js';

function tracker(sequential: boolean) {
  const clock = new FakeClock();
  const dir = join(tempDir(), 'dump');
  const files: PlainFile[] = [];
  const settled = new Map<string, string>();
  const files$ = new DumpFileTracker({
    clock, dir, prefix: 'dump/', sequential,
    ready: (file) => {
      files.push(file);
      file.complete?.then(() => settled.set(file.path, 'done'), (error: Error) => settled.set(file.path, error.message));
    },
  });
  /** Advances past a listing and lets its promises settle. */
  const tick = async () => {
    await clock.advance(100);
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { clock, dir, files, settled, tracker: files$, tick };
}

describe('DumpFileTracker', () => {
  it('queues a data file as growing when it appears and completes it on pg_dump\'s finished line', async () => {
    const t = tracker(false);
    t.tracker.start();
    await t.tick();
    expect(t.files).toEqual([]);
    mkdirSync(t.dir);
    writeFileSync(join(t.dir, '3363.dat'), 'rows');
    writeFileSync(join(t.dir, 'toc.dat'), 'toc');
    await t.tick();
    expect(t.files.map((f) => f.path)).toEqual(['dump/3363.dat']);
    expect(t.files[0]?.complete).toBeDefined();
    t.tracker.finished('3363.dat');
    await Promise.resolve();
    expect(t.settled.get('dump/3363.dat')).toBe('done');
    await t.tick();
    expect(t.files).toHaveLength(1);
    t.tracker.end();
    expect(t.clock.pending).toBe(0);
  });

  it('queues a file finished before it was seen as complete, with its size, once', async () => {
    const t = tracker(false);
    mkdirSync(t.dir);
    t.tracker.start();
    writeFileSync(join(t.dir, '3365.dat.gz'), 'abcde');
    t.tracker.finished('3365.dat.gz');
    await t.tick();
    expect(t.files).toEqual([{ path: 'dump/3365.dat.gz', size: 5 }]);
    t.tracker.end();
  });

  it('with one job, completes each file when the next one appears, and the last at the end', async () => {
    const t = tracker(true);
    mkdirSync(t.dir);
    t.tracker.start();
    writeFileSync(join(t.dir, '3001.dat'), 'a');
    await t.tick();
    expect(t.files.map((f) => f.path)).toEqual(['dump/3001.dat']);
    // Two files in one listing: the older is done, only the newer can still be open.
    writeFileSync(join(t.dir, '3002.dat'), 'b');
    writeFileSync(join(t.dir, '3003.dat'), 'c');
    utimesSync(join(t.dir, '3002.dat'), new Date(1_000), new Date(1_000));
    await t.tick();
    expect(t.files.map((f) => [f.path, f.complete === undefined])).toEqual([
      ['dump/3001.dat', false], ['dump/3002.dat', true], ['dump/3003.dat', false],
    ]);
    expect(t.settled.get('dump/3001.dat')).toBe('done');
    expect(t.settled.has('dump/3003.dat')).toBe(false);
    t.tracker.end();
    await Promise.resolve();
    expect(t.settled.get('dump/3003.dat')).toBe('done');
  });

  it('fails the files still growing when the dump fails, and queues nothing after the end', async () => {
    const t = tracker(false);
    mkdirSync(t.dir);
    t.tracker.start();
    writeFileSync(join(t.dir, '3363.dat'), 'rows');
    await t.tick();
    t.tracker.end(new Error('pg_dump: connection lost'));
    await Promise.resolve();
    expect(t.settled.get('dump/3363.dat')).toBe('pg_dump: connection lost');
    writeFileSync(join(t.dir, '3364.dat'), 'late');
    t.tracker.finished('3364.dat');
    await t.tick();
    expect(t.files).toHaveLength(1);
    expect(t.clock.pending).toBe(0);
  });
});
