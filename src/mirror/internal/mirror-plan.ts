import type { MirrorConfig } from '../../config/schema/mirror/mirror-config.js';
import type { EnvironmentConfig, ResolvedConfig } from '../../config/resolved-config.js';
import { NotFoundError, RefusedError, UsageError } from '../../errors.js';

/** What a mirror from one environment into another works with, checked before anything is touched. */
export interface MirrorPlan {
  from: EnvironmentConfig;
  to: EnvironmentConfig;
  mirror: MirrorConfig;
  /** The target's connection string. */
  database: string;
}

/**
 * Checks that `to` may receive a mirror of `from`: both exist, `to` is not production-tier,
 * has `mirror:` and a database, `from` is what `mirror.from` names (when set) and has backups.
 */
export function mirrorPlan(config: Pick<ResolvedConfig, 'file' | 'environments'>, from: string, to: string): MirrorPlan {
  const source = environment(config, from);
  const target = environment(config, to);
  if (target.tier === 'production') {
    throw new RefusedError(`environment ${to} is of tier production: mirrors never write into production (mirror into a staging or development environment)`);
  }
  if (target.mirror === undefined) {
    throw new NotFoundError(`environment ${to} has no mirror: add environments.${to}.mirror (with mask: rules) to ${config.file}`);
  }
  if (target.database === undefined) throw new NotFoundError(`environment ${to} has no database: set environments.${to}.database in ${config.file}`);
  if (target.mirror.from !== undefined && target.mirror.from !== from) {
    throw new UsageError(`environment ${to} is mirrored from ${target.mirror.from} (environments.${to}.mirror.from), not from ${from}`);
  }
  if (from === to) throw new UsageError(`an environment cannot be mirrored into itself (${to})`);
  if (source.backups === undefined) throw new NotFoundError(`environment ${from} has no backups: mirrors restore its newest verified backup, so add backups: to it in ${config.file}`);
  return { from: source, to: target, mirror: target.mirror, database: target.database };
}

function environment(config: Pick<ResolvedConfig, 'file' | 'environments'>, name: string): EnvironmentConfig {
  const env = config.environments.find((e) => e.name === name);
  if (env) return env;
  const known = config.environments.map((e) => e.name).join(', ') || 'none';
  throw new NotFoundError(`no environment "${name}" in ${config.file} (environments: ${known})`);
}
