import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openSqliteStore, type Store } from '../../store/index.js';

/** A store backend the tsdb tests run against; PostgreSQL joins this list when it lands. */
export interface TsdbTestBackend {
  name: string;
  /** Opens (or reopens) the store named `name` inside `dir`. */
  open(dir: string, name?: string): Promise<Store>;
  /** Bytes the backend really uses for `tsdb_chunk` and its indexes, whole pages included. */
  chunkTableBytes(store: Store): Promise<number>;
}

export const tsdbTestBackends: TsdbTestBackend[] = [
  {
    name: 'sqlite',
    open: (dir, name = 'guardia.db') => openSqliteStore(join(dir, name)),
    async chunkTableBytes(store) {
      const pages = await sql<{ bytes: number }>`
        select sum(d.pgsize) as bytes from dbstat d join sqlite_master m on m.name = d.name
        where m.tbl_name = 'tsdb_chunk'`.execute(store.db);
      return Number(pages.rows[0]?.bytes ?? 0);
    },
  },
];

/** A temporary directory removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'guardia-tsdb-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
