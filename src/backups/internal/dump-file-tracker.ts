import { statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CancelTimer, Clock } from '../../clock/index.js';
import type { PlainFile } from './store-files.js';

/** A table's data file in a directory-format dump: `<dump id>.dat`, `.dat.gz` when pg_dump compressed. */
const DATA_FILE = /^\d+\.dat(\.gz)?$/;

interface Growing {
  resolve(): void;
  reject(error: unknown): void;
}

export interface DumpFileTrackerOptions {
  clock: Clock;
  /** pg_dump's output folder (`<staging>/plain/dump`). */
  dir: string;
  /** Path prefix of queued files, relative to the plain folder (`dump/`). */
  prefix: string;
  /** pg_dump runs with one job: it writes one file at a time, so a new file means the others are done. */
  sequential: boolean;
  /** Receives each data file once: still growing (with `complete`) or already complete. */
  ready(file: PlainFile): void;
  /** How often the folder is listed (default 100 ms). */
  everyMs?: number;
}

/**
 * Hands pg_dump's data files to the encoders while pg_dump still writes them, so a big table is
 * compressed as it is dumped rather than after: lists the dump folder on the clock and queues
 * each new data file as growing; pg_dump's `finished item N` (`finished()`) or, with one job,
 * the next file appearing completes it; `end()` completes (or fails) the rest.
 */
export class DumpFileTracker {
  private readonly growing = new Map<string, Growing>();
  private readonly seen = new Set<string>();
  private readonly everyMs: number;
  private cancel: CancelTimer | undefined;
  private ended = false;

  constructor(private readonly options: DumpFileTrackerOptions) {
    this.everyMs = options.everyMs ?? 100;
  }

  start(): void {
    this.cancel = this.options.clock.setTimer(this.everyMs, () => void this.look());
  }

  /** pg_dump reported `name` (e.g. `3345.dat`) written and closed. */
  finished(name: string): void {
    // After the end, the files not queued yet are the caller's to list.
    if (this.ended) return;
    const growing = this.growing.get(name);
    if (growing) {
      this.growing.delete(name);
      growing.resolve();
    } else if (!this.seen.has(name)) {
      this.seen.add(name);
      this.options.ready({ path: this.path(name), size: statSync(join(this.options.dir, name)).size });
    }
  }

  /** pg_dump exited: every file still growing is complete, or, with `error`, failed with it. */
  end(error?: unknown): void {
    this.ended = true;
    this.cancel?.();
    for (const growing of this.growing.values()) {
      if (error === undefined) growing.resolve();
      else growing.reject(error);
    }
    this.growing.clear();
  }

  private async look(): Promise<void> {
    try {
      const names = (await readdir(this.options.dir)).filter((name) => DATA_FILE.test(name) && !this.seen.has(name));
      if (!this.ended && names.length > 0) await this.add(names);
    } catch {
      // The folder appears only once pg_dump has started; a file may vanish if the dump is abandoned.
    } finally {
      if (!this.ended) this.cancel = this.options.clock.setTimer(this.everyMs, () => void this.look());
    }
  }

  private async add(names: string[]): Promise<void> {
    let open = names;
    if (this.options.sequential) {
      // One writer: only the newest file can still be open; those seen before are done.
      const times = await Promise.all(names.map(async (name) => (await stat(join(this.options.dir, name))).mtimeMs));
      const newest = names[times.indexOf(Math.max(...times))] as string;
      if (this.ended) return;
      for (const name of [...this.growing.keys()]) this.finished(name);
      for (const name of names) if (name !== newest) this.finished(name);
      open = [newest];
    }
    for (const name of open) {
      // finished() may have come in while the folder was being read.
      if (this.ended || this.seen.has(name)) continue;
      this.seen.add(name);
      let growing: Growing = { resolve: () => undefined, reject: () => undefined };
      const complete = new Promise<void>((resolve, reject) => (growing = { resolve, reject }));
      // Not every queued file is read before a failed dump rejects it.
      complete.catch(() => undefined);
      this.growing.set(name, growing);
      this.options.ready({ path: this.path(name), size: 0, complete });
    }
  }

  private path(name: string): string {
    return `${this.options.prefix}${name}`;
  }
}
