import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** What a backend can do; consumers branch on these, never on the dialect's name. */
export interface StoreCapabilities {
  /** Several processes may write at once (SQLite WAL: yes, one writer at a time). */
  readonly concurrentProcesses: boolean;
  /** Session-level advisory locks for leader election (PostgreSQL). */
  readonly advisoryLocks: boolean;
}

/**
 * guardia's state store. Domains query `db` with Kysely's portable query builder;
 * a PostgreSQL backend is a second implementation of this contract.
 */
export interface Store {
  readonly db: Kysely<Database>;
  readonly capabilities: StoreCapabilities;
  /** Where the store lives, safe to show (no credentials). */
  readonly location: string;
  /** Applies guardia's pending numbered migrations. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}
