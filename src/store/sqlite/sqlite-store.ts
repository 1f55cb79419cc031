import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { UnavailableError } from '../../errors.js';
import { runMigrations } from '../migrate.js';
import { migrations } from '../migrations/index.js';
import type { Database } from '../schema.js';
import type { Store } from '../store.js';
import { cachedStatements } from './cached-statements.js';

export interface SqliteStoreOptions {
  /** How long a writer waits for another process's write lock (default 5 s). */
  busyTimeoutMs?: number;
  now?: () => number;
}

/**
 * Opens (creating if needed) a SQLite store at `path`, in WAL mode so the daemon and
 * CLI commands can share it, and applies pending migrations. `:memory:` is accepted for tests.
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const raw = openDatabase(path, options.busyTimeoutMs ?? 5_000);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(raw) }) });
  const store: Store = {
    db,
    capabilities: { concurrentProcesses: path !== ':memory:', advisoryLocks: false },
    location: path === ':memory:' ? 'sqlite::memory:' : `sqlite:${path}`,
    migrate: () => runMigrations(db, migrations, store.location, options.now ?? Date.now),
    close: () => db.destroy(),
  };
  try {
    await store.migrate();
  } catch (error) {
    await db.destroy();
    if (error instanceof UnavailableError) throw error;
    throw new UnavailableError(`cannot prepare store ${store.location}: ${(error as Error).message}`, { cause: error });
  }
  return store;
}

/** An in-memory store with every migration applied: for tests and one-shot commands. */
export function openMemoryStore(options: SqliteStoreOptions = {}): Promise<Store> {
  return openSqliteStore(':memory:', options);
}

function openDatabase(path: string, busyTimeoutMs: number): BetterSqlite3.Database {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const raw = new BetterSqlite3(path, { timeout: busyTimeoutMs });
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    return raw;
  } catch (error) {
    throw new UnavailableError(`cannot open store sqlite:${path}: ${(error as Error).message}`, { cause: error });
  }
}
