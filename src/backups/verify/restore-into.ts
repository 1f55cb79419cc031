import { BackupFailedError } from '../../errors.js';
import { formatDuration } from '../../probes/internal/format-duration.js';
import type { BackupContext } from '../backup-context.js';
import type { CheckResult } from '../backup-service.js';
import type { BackupManifest } from '../manifest.js';
import type { Repository } from '../repository/repository.js';
import { restoreArchive } from '../restore/internal/restore-archive.js';

/**
 * Restores into `url` and times it until the database answers; a backup that cannot be read
 * or restored (`BackupFailedError`) is a failed `restore` check, anything else is thrown.
 */
export async function restoreInto(
  ctx: BackupContext,
  manifest: BackupManifest,
  repository: Repository,
  url: string,
  identityFile: string | undefined,
  operation: 'verify' | 'drill' = 'verify',
): Promise<{ check: CheckResult; ms: number }> {
  const started = ctx.clock.now();
  try {
    // A separate verify server need not have the backup's roles: what is verified there is the data.
    const withoutOwners = ctx.config.verify.server !== undefined;
    await restoreArchive(ctx, { manifest, repository, url, ...(identityFile !== undefined ? { identityFile } : {}), operation, withoutOwners });
    await ctx.pgAdmin.serverVersion(url);
  } catch (error) {
    if (!(error instanceof BackupFailedError)) throw error;
    return { check: { name: 'restore', passed: false, detail: error.message }, ms: ctx.clock.now() - started };
  }
  const ms = ctx.clock.now() - started;
  return { check: { name: 'restore', passed: true, detail: `restored ${manifest.tables.length} tables in ${formatDuration(ms)}` }, ms };
}
