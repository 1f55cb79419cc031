import BetterSqlite3 from 'better-sqlite3';
import { type Generated, Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cachedStatements } from './cached-statements.js';

function open() {
  const raw = new BetterSqlite3(':memory:');
  raw.exec('create table t (id integer primary key, name text)');
  raw.exec("insert into t (name) values ('a'), ('b'), ('c')");
  return raw;
}

describe('cachedStatements', () => {
  it('hands out the statement it prepared before for the same SQL', () => {
    const db = cachedStatements(open());
    const first = db.prepare('select name from t order by id');
    expect(db.prepare('select name from t order by id')).toBe(first);
    expect(db.prepare('select id from t')).not.toBe(first);
  });

  it('prepares a fresh statement while the kept one is still being iterated', () => {
    const db = cachedStatements(open());
    const kept = db.prepare('select name from t order by id');
    const rows = kept.iterate([]);
    rows.next();
    const other = db.prepare('select name from t order by id');
    expect(other).not.toBe(kept);
    expect(other.all([])).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    expect([...rows]).toEqual([{ name: 'b' }, { name: 'c' }]);
    expect(db.prepare('select name from t order by id')).toBe(kept);
  });

  it('drops the least recently used statement beyond its capacity', () => {
    const db = cachedStatements(open(), 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a);
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
  });

  it('answers from the current schema after the schema changed', () => {
    const raw = open();
    const db = cachedStatements(raw);
    expect(db.prepare('select * from t where id = 1').all([])).toEqual([{ id: 1, name: 'a' }]);
    raw.exec("alter table t add column note text default 'x'");
    expect(db.prepare('select * from t where id = 1').all([])).toEqual([{ id: 1, name: 'a', note: 'x' }]);
  });

  it('serves kysely: reads, writes and transactions, then closes the database', async () => {
    const raw = open();
    const db = new Kysely<{ t: { id: Generated<number>; name: string } }>({ dialect: new SqliteDialect({ database: cachedStatements(raw) }) });
    for (const name of ['d', 'e']) await db.insertInto('t').values({ name }).execute();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('t').set({ name: 'z' }).where('id', '=', 1).execute();
    });
    const rows = await db.selectFrom('t').select(['id', 'name']).orderBy('id').execute();
    expect(rows.map((r) => r.name)).toEqual(['z', 'b', 'c', 'd', 'e']);
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(db)).rows).toEqual([{ n: 5 }]);
    await db.destroy();
    expect(raw.open).toBe(false);
  });
});
