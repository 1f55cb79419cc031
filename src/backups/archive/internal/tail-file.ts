import { open } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const CHUNK_BYTES = 1 << 20;
/** How long to wait, once caught up with the writer, before looking for more bytes. */
const CAUGHT_UP_WAIT_MS = 20;

/**
 * The bytes of `path` as another process appends them: reads to the current end, waits a
 * moment, reads on, until `complete` resolves (the writer closed the file); then reads what is
 * left and ends. The file must exist. A rejected `complete` (the writer failed) ends the reading
 * with its reason, as does `signal`.
 */
export async function* tailFile(path: string, complete: Promise<void>, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  let writer: { done: boolean; error?: unknown } = { done: false };
  const settled = complete.then(
    () => void (writer = { done: true }),
    (error: unknown) => void (writer = { done: true, error }),
  );
  const file = await open(path, 'r');
  try {
    let position = 0;
    for (;;) {
      signal?.throwIfAborted();
      // Looked at before reading: once the writer was done, a read that finds nothing is the end.
      const { done } = writer;
      if ('error' in writer) throw writer.error;
      const { bytesRead, buffer } = await file.read({ buffer: Buffer.allocUnsafe(CHUNK_BYTES), position });
      if (bytesRead > 0) {
        position += bytesRead;
        yield buffer.subarray(0, bytesRead);
      } else if (done) {
        return;
      } else {
        // An abort ends the wait; the loop then throws the signal's reason.
        await Promise.race([settled, sleep(CAUGHT_UP_WAIT_MS, undefined, { signal }).catch(() => undefined)]);
      }
    }
  } finally {
    await file.close();
  }
}
