import { BackupFailedError, NotFoundError } from '../../errors.js';
import { listCatalog } from '../backup-catalog.js';
import type { BackupTarget } from '../backup-service.js';
import type { BackupManifest } from '../manifest.js';
import type { Repository } from '../repository/repository.js';

/** A complete backup to read: its manifest and the first repository holding it. */
export interface ResolvedBackup {
  manifest: BackupManifest;
  repository: Repository;
}

/**
 * Finds `--id ID` or `--latest` (newest complete backup, of `database` when given) in the
 * repositories: `NotFoundError` when there is none, `BackupFailedError` when its manifest
 * cannot be trusted.
 */
export async function resolveTarget(repositories: readonly Repository[], environment: string, target: BackupTarget): Promise<ResolvedBackup> {
  const entries = await listCatalog(repositories, environment, target.database);
  const entry = 'id' in target ? entries.find((e) => e.id === target.id) : entries.find((e) => e.manifest !== undefined);
  if (!entry) {
    const what = 'id' in target ? `backup ${target.id}` : 'a complete backup';
    const where = target.database === undefined ? environment : `${environment}/${target.database}`;
    throw new NotFoundError(`${what} not found for ${where} in ${repositories.map((r) => r.display).join(', ')}; list them with \`guardia backup list ${environment}\``);
  }
  if (!entry.manifest) throw new BackupFailedError(`backup ${entry.id} cannot be used: ${entry.problem ?? 'its manifest cannot be read'}`);
  const repository = repositories.find((r) => entry.repositories.includes(r.display));
  if (!repository) throw new NotFoundError(`backup ${entry.id} is in no configured repository`);
  return { manifest: entry.manifest, repository };
}
