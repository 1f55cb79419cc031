import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import { MirrorFailedError } from '../../errors.js';

/**
 * Runs each seed file whole (simple-query protocol, so several statements), each in its own
 * transaction, in order. A failing file is a `MirrorFailedError` naming the file and, when the
 * server says where (`position`), the line.
 */
export async function runSeeds(client: pg.Client, files: readonly string[]): Promise<void> {
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      throw new MirrorFailedError(`seed file ${file} cannot be read: ${(error as Error).message}`, { cause: error });
    });
    await client.query('begin');
    try {
      // No values: node-pg sends the text with the simple-query protocol, which runs every statement.
      await client.query(text);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      const position = Number((error as { position?: string }).position);
      const line = Number.isInteger(position) && position > 0 ? `:${text.slice(0, position - 1).split('\n').length}` : '';
      throw new MirrorFailedError(`seed file ${file}${line} failed: ${(error as Error).message}`, { cause: error });
    }
  }
}
