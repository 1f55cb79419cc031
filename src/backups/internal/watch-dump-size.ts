import type { Clock } from '../../clock/index.js';
import { listFilesUnder } from './staging-files.js';

/**
 * Reports the bytes pg_dump has written under `dir` every `everyMs` on the clock, for progress
 * during the dump (pg_dump itself says only which table it starts). Returns a stop function.
 */
export function watchDumpSize(clock: Clock, dir: string, onBytes: (bytes: number) => void, everyMs = 1_000): () => void {
  let stopped = false;
  let cancel = clock.setTimer(everyMs, tick);
  function tick(): void {
    void listFilesUnder(dir)
      .then((files) => {
        if (!stopped) onBytes(files.reduce((sum, f) => sum + f.size, 0));
      })
      // The folder appears only once pg_dump has started; until then there is nothing to report.
      .catch(() => undefined)
      .finally(() => {
        if (!stopped) cancel = clock.setTimer(everyMs, tick);
      });
  }
  return () => {
    stopped = true;
    cancel();
  };
}
