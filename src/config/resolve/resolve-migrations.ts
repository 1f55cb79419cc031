import { isAbsolute, resolve } from 'node:path';
import type { EnvironmentConfig, MigrationsConfig } from '../resolved-config.js';
import type { MigrationsInput } from '../schema/migrations-schema.js';

/** Defaults of `migrations:`, also used when an environment has none. */
export const MIGRATIONS_DEFAULTS = { dir: 'migrations', table: 'guardia_schema_migrations', lockTimeoutMs: 5_000, statementTimeoutMs: 15 * 60_000 } as const;

/** Sets `migrations` on each environment whose input has `migrations:`; `dir` becomes absolute against the config's directory. */
export function attachMigrations(environments: EnvironmentConfig[], inputs: Record<string, { migrations?: MigrationsInput | undefined }>, dir: string): void {
  for (const env of environments) {
    const input = inputs[env.name]?.migrations;
    if (input !== undefined) env.migrations = resolveMigrations(input, dir);
  }
}

/** One environment's `migrations:` with defaults applied. */
export function resolveMigrations(input: MigrationsInput, configDir: string): MigrationsConfig {
  const dir = input.dir ?? MIGRATIONS_DEFAULTS.dir;
  return {
    dir: isAbsolute(dir) ? dir : resolve(configDir, dir),
    table: input.table ?? MIGRATIONS_DEFAULTS.table,
    lockTimeoutMs: input.lock_timeout ?? MIGRATIONS_DEFAULTS.lockTimeoutMs,
    statementTimeoutMs: input.statement_timeout ?? MIGRATIONS_DEFAULTS.statementTimeoutMs,
  };
}
