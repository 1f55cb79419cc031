import type { BackupsConfig } from '../../config/resolved-backup-config.js';
import type { EnvironmentConfig, ResolvedConfig } from '../../config/resolved-config.js';
import { NotFoundError } from '../../errors.js';
import type { Repository } from '../repository/repository.js';

/** An environment with backups configured. */
export type BackedUpEnvironment = EnvironmentConfig & { backups: BackupsConfig };

/** The environment named, with its `backups:`; `NotFoundError` naming what exists otherwise. */
export function backedUpEnvironment(config: Pick<ResolvedConfig, 'file' | 'environments'>, name: string): BackedUpEnvironment {
  const env = config.environments.find((e) => e.name === name);
  if (!env) {
    const known = config.environments.map((e) => e.name).join(', ') || 'none';
    throw new NotFoundError(`no environment "${name}" in ${config.file} (environments: ${known})`);
  }
  if (!env.backups) throw new NotFoundError(`environment "${name}" has no backups: add \`backups:\` to it in ${config.file}`);
  return env as BackedUpEnvironment;
}

/** Opens the environment's repositories for `fn` and closes them after, whatever happens. */
export async function withRepositories<T>(
  backups: BackupsConfig,
  open: (config: BackupsConfig['repositories'][number]) => Repository,
  fn: (repositories: Repository[]) => Promise<T>,
): Promise<T> {
  const repositories = backups.repositories.map(open);
  try {
    return await fn(repositories);
  } finally {
    await Promise.all(repositories.map((r) => r.close().catch(() => undefined)));
  }
}
