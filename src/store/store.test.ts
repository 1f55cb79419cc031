import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../errors.js';
import { openSqliteStore, sqlitePathFromUrl } from './index.js';
import type { Store } from './index.js';

/** Each backend the Store contract has; PostgreSQL joins this list when it lands. */
const backends: { name: string; open: () => Promise<Store> }[] = [
  { name: 'sqlite', open: () => openSqliteStore(join(mkdtempSync(join(tmpdir(), 'guardia-store-')), 'g.db')) },
];

describe.each(backends)('store ($name)', ({ open }) => {
  it('applies migrations and keeps rows across reopen', async () => {
    const store = await open();
    await store.db
      .insertInto('meta')
      .values({ key: 'k', value: 'v' })
      .execute();
    const path = store.location.replace(/^sqlite:/, '');
    await store.close();
    const again = await openSqliteStore(path);
    const row = await again.db.selectFrom('meta').selectAll().where('key', '=', 'k').executeTakeFirst();
    expect(row).toEqual({ key: 'k', value: 'v' });
    await again.close();
  });

  it('lets two handles on one file write in turn (daemon and CLI)', async () => {
    const first = await open();
    const second = await openSqliteStore(first.location.replace(/^sqlite:/, ''));
    await Promise.all([
      first.db.insertInto('meta').values({ key: 'a', value: '1' }).execute(),
      second.db.insertInto('meta').values({ key: 'b', value: '2' }).execute(),
    ]);
    const rows = await first.db.selectFrom('meta').select('key').orderBy('key').execute();
    expect(rows.map((r) => r.key)).toEqual(['a', 'b']);
    await Promise.all([first.close(), second.close()]);
  });
});

describe('openSqliteStore', () => {
  it('refuses a store written by a newer guardia', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'guardia-store-')), 'g.db');
    const store = await openSqliteStore(path);
    await store.db.insertInto('guardia_migration' as never).values({ id: 999, name: 'future', applied_ms: 0 } as never).execute();
    await store.close();
    await expect(openSqliteStore(path)).rejects.toThrow(/newer guardia/);
  });

  it('reports a file that is not a database as unavailable, without a stack', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'guardia-store-')), 'g.db');
    writeFileSync(path, 'this is not sqlite '.repeat(100));
    const error = await openSqliteStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toMatch(/^cannot (open|prepare) store sqlite:.*g\.db: /);
  });
});

describe('sqlitePathFromUrl', () => {
  it('resolves relative paths against the config directory', () => {
    expect(sqlitePathFromUrl('sqlite:.guardia/g.db', '/srv/app')).toBe('/srv/app/.guardia/g.db');
    expect(sqlitePathFromUrl('sqlite:///var/lib/g.db', '/srv/app')).toBe('/var/lib/g.db');
    expect(() => sqlitePathFromUrl('postgres://x/y', '/')).toThrow(/unsupported store "postgres:"/);
  });
});
