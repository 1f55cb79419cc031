import BetterSqlite3 from 'better-sqlite3';
import { type ColumnType, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { RowsStatement } from './rows-statement.js';

interface Db {
  item: { id: string; qty: number; note: ColumnType<string, string | undefined, string> };
}
type Row = { id: string; qty: number; note?: string };

function open(): Kysely<Db> {
  const raw = new BetterSqlite3(':memory:');
  raw.exec("create table item (id text primary key, qty integer not null, note text not null default 'none')");
  return new Kysely<Db>({ dialect: new SqliteDialect({ database: raw }) });
}

function upsert(parametersOf: (rows: readonly Row[]) => unknown[]) {
  const built: number[] = [];
  const statement = new RowsStatement<Db, Row>((db, rows) => {
    built.push(rows.length);
    return db.insertInto('item').values(rows).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ qty: eb.ref('excluded.qty') })));
  }, parametersOf);
  return { statement, built };
}

const inOrder = (rows: readonly Row[]) => rows.flatMap((r) => (r.note === undefined ? [r.id, r.qty, undefined] : [r.id, r.qty, r.note]));

const all = (db: Kysely<Db>) => db.selectFrom('item').selectAll().orderBy('id').execute();

describe('RowsStatement', () => {
  it('builds the SQL once per row count and binds later rows to it', async () => {
    const db = open();
    const { statement, built } = upsert(inOrder);
    await statement.execute(db, [{ id: 'a', qty: 1, note: 'x' }, { id: 'b', qty: 2, note: 'y' }]);
    await statement.execute(db, [{ id: 'a', qty: 5, note: 'x' }, { id: 'c', qty: 3, note: 'z' }]);
    await db.transaction().execute((trx) => statement.execute(trx, [{ id: 'b', qty: 7, note: 'y' }, { id: 'd', qty: 4, note: 'w' }]));
    await statement.execute(db, [{ id: 'e', qty: 9, note: 'v' }]);
    expect(built).toEqual([2, 1]);
    expect(await all(db)).toEqual([
      { id: 'a', qty: 5, note: 'x' }, { id: 'b', qty: 7, note: 'y' }, { id: 'c', qty: 3, note: 'z' },
      { id: 'd', qty: 4, note: 'w' }, { id: 'e', qty: 9, note: 'v' },
    ]);
  });

  it('compiles rows holding undefined anew, so their columns take the default', async () => {
    const db = open();
    const { statement, built } = upsert(inOrder);
    await statement.execute(db, [{ id: 'a', qty: 1, note: 'x' }]);
    await statement.execute(db, [{ id: 'b', qty: 2 }]);
    await statement.execute(db, [{ id: 'c', qty: 3 }]);
    expect(built).toEqual([1, 1, 1]);
    expect(await all(db)).toEqual([{ id: 'a', qty: 1, note: 'x' }, { id: 'b', qty: 2, note: 'none' }, { id: 'c', qty: 3, note: 'none' }]);
  });

  it('never keeps SQL whose parameters kysely binds otherwise than listed', async () => {
    const db = open();
    const { statement, built } = upsert((rows) => rows.flatMap((r) => [r.qty, r.id, r.note]));
    await statement.execute(db, [{ id: 'a', qty: 1, note: 'x' }]);
    await statement.execute(db, [{ id: 'b', qty: 2, note: 'y' }]);
    expect(built).toEqual([1, 1]);
    expect(await all(db)).toEqual([{ id: 'a', qty: 1, note: 'x' }, { id: 'b', qty: 2, note: 'y' }]);
  });

  it('does nothing for no rows', async () => {
    const db = open();
    const { statement, built } = upsert(inOrder);
    await statement.execute(db, []);
    expect(built).toEqual([]);
  });
});
