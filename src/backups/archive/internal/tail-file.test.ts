import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/temp-dir.js';
import { tailFile } from './tail-file.js';

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A writer that appends `parts` one per turn of the event loop's timers, then says it is done. */
function appendInTurns(path: string, parts: string[]): Promise<void> {
  return (async () => {
    for (const part of parts) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      appendFileSync(path, part);
    }
  })();
}

describe('tailFile', () => {
  it('reads what a writer appends until it is done, then the rest, and ends', async () => {
    const path = join(tempDir(), 'growing.dat');
    writeFileSync(path, 'a\n');
    const parts = Array.from({ length: 40 }, (_, i) => `row ${i}\n`);
    const text = await collect(tailFile(path, appendInTurns(path, parts)));
    expect(text.toString()).toBe(`a\n${parts.join('')}`);
  });

  it('reads a file that is already complete', async () => {
    const path = join(tempDir(), 'done.dat');
    writeFileSync(path, Buffer.alloc(3 << 20, 7));
    expect((await collect(tailFile(path, Promise.resolve()))).length).toBe(3 << 20);
  });

  it('fails with the writer\'s error when the writer fails', async () => {
    const path = join(tempDir(), 'failed.dat');
    writeFileSync(path, 'partial');
    const writer = appendInTurns(path, ['more']).then(() => {
      throw new Error('pg_dump failed');
    });
    await expect(collect(tailFile(path, writer))).rejects.toThrow('pg_dump failed');
  });

  it('stops with the signal\'s reason while it waits for more bytes', async () => {
    const path = join(tempDir(), 'stalled.dat');
    writeFileSync(path, 'x');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop now')), 30);
    await expect(collect(tailFile(path, new Promise(() => undefined), controller.signal))).rejects.toThrow('stop now');
  });
});
