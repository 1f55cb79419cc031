import { join } from 'node:path';
import type { Clock } from '../../clock/index.js';
import type { ResolvedConfig } from '../../config/index.js';
import { CheckFailedError, NotFoundError } from '../../errors.js';
import { applyMigrations, formatFinding, lintMigrations, migrationSettings, pendingMigrations } from '../../migrations/index.js';

/**
 * The `migrate` step: lints the pending files of the environment's migrations (or `dir`), refuses
 * blocking findings unless `overrideLint` gives a reason (then says so in the output), and applies
 * them. Returns a summary line.
 */
export async function migrateForRelease(config: ResolvedConfig, clock: Clock, env: string, dir: string | undefined, overrideLint: string | undefined): Promise<string> {
  const environment = config.environments.find((e) => e.name === env);
  if (!environment) throw new NotFoundError(`no environment "${env}" in the config`);
  const settings = migrationSettings(environment, config.dir);
  const from = dir ?? settings.dir;
  const pending = (await pendingMigrations(settings.url, from, { table: settings.table })).flatMap((m) => (m.file ? [join(from, m.file)] : []));
  if (pending.length === 0) return 'no pending migrations';
  const { findings } = await lintMigrations(pending);
  const overridden = findings.length > 0 && overrideLint !== undefined ? `; lint overridden (${findings.length} findings): ${overrideLint}` : '';
  if (findings.length > 0 && overrideLint === undefined) {
    throw new CheckFailedError(`migration lint blocks the release:\n${findings.map(formatFinding).join('\n')}\nfix them, or pass --override-lint REASON`);
  }
  const { applied } = await applyMigrations(settings.url, from, { ...settings, clock });
  return `applied ${applied.map((m) => `${m.version} ${m.name}`).join(', ') || 'nothing'}${overridden}`;
}
