import { join } from 'node:path';
import type { Clock } from '../../clock/index.js';
import type { ResolvedConfig } from '../../config/index.js';
import { CheckFailedError, NotFoundError } from '../../errors.js';
import { applyMigrations, formatFinding, lintMigrations, migrationSettings, pendingMigrations } from '../../migrations/index.js';

/**
 * The `migrate` step: lints the pending files of the environment's migrations (or `dir`) and
 * applies them. Blocking findings stop a release to a production-tier environment unless
 * `overrideLint` gives a reason (then the summary says so); elsewhere they are listed as warnings
 * and the files are applied. Returns summary lines.
 */
export async function migrateForRelease(config: ResolvedConfig, clock: Clock, env: string, dir: string | undefined, overrideLint: string | undefined): Promise<string[]> {
  const environment = config.environments.find((e) => e.name === env);
  if (!environment) throw new NotFoundError(`no environment "${env}" in the config`);
  const settings = migrationSettings(environment, config.dir);
  const from = dir ?? settings.dir;
  const pending = (await pendingMigrations(settings.url, from, { table: settings.table })).flatMap((m) => (m.file ? [join(from, m.file)] : []));
  if (pending.length === 0) return ['no pending migrations'];
  const { findings } = await lintMigrations(pending);
  const listed = findings.map(formatFinding);
  const notes: string[] = [];
  if (findings.length > 0 && environment.tier === 'production') {
    if (overrideLint === undefined) throw new CheckFailedError(`migration lint blocks the release to ${env}:\n${listed.join('\n')}\nfix them, or pass --override-lint REASON`);
    notes.push(`lint overridden (${findings.length} findings): ${overrideLint}`, ...listed);
  } else if (findings.length > 0) {
    notes.push(`lint warnings (${findings.length}; they would block a release to a production environment):`, ...listed);
  }
  const { applied } = await applyMigrations(settings.url, from, { ...settings, clock });
  return [`applied ${applied.map((m) => `${m.version} ${m.name}`).join(', ') || 'nothing'}`, ...notes];
}
