import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct statements kept; beyond that the least recently used is dropped. */
const DEFAULT_CAPACITY = 256;

/**
 * A better-sqlite3 database for kysely that keeps its prepared statements: kysely's driver
 * prepares every query anew, and under thousands of probes preparing cost a fifth of the
 * store's CPU. A statement still being iterated is never handed out again (a fresh one is
 * prepared instead). SQLite re-prepares a kept statement by itself after a schema change.
 */
export function cachedStatements(db: BetterSqlite3.Database, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql) {
      const statement = kept.get(sql);
      if (statement && !statement.busy) {
        // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
        kept.delete(sql);
        kept.set(sql, statement);
        return statement;
      }
      const fresh = db.prepare(sql);
      if (!statement) {
        kept.set(sql, fresh);
        if (kept.size > capacity) kept.delete(kept.keys().next().value as string);
      }
      return fresh;
    },
    close() {
      kept.clear();
      db.close();
    },
  };
}
