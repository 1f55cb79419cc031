import { migration001 } from './001-core.js';
import { migration002 } from './002-tsdb.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [migration001, migration002];
