import { MIGRATIONS_DEFAULTS, type EnvironmentConfig } from '../config/index.js';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { MigrationOptions } from './migration-options.js';

/** Where and how one environment's migrations run. */
export interface MigrationSettings extends Required<Omit<MigrationOptions, 'clock'>> {
  /** The app database (`database:` of the environment). */
  url: string;
  /** Absolute directory of the migration files. */
  dir: string;
}

/** The environment's `migrations:` (or the defaults, with `migrations/` beside the config); UsageError when it has no `database:`. */
export function migrationSettings(env: EnvironmentConfig, configDir: string): MigrationSettings {
  if (env.database === undefined) throw new UsageError(`environment "${env.name}" has no database: set environments.${env.name}.database to migrate it`);
  const m = env.migrations ?? { ...MIGRATIONS_DEFAULTS, dir: join(configDir, MIGRATIONS_DEFAULTS.dir) };
  return { url: env.database, dir: m.dir, table: m.table, lockTimeoutMs: m.lockTimeoutMs, statementTimeoutMs: m.statementTimeoutMs };
}
