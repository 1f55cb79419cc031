import { join } from 'node:path';
import { RefusedError, UsageError } from '../../errors.js';
import { formatBytes } from '../../probes/internal/format-bytes.js';
import { describeConnectionString } from '../../probes/index.js';
import { resolvePgTarget } from '../../probes/internal/pg-connection-target.js';
import type { BackupContext } from '../backup-context.js';
import type { RestoreReport } from '../backup-service.js';
import type { BackupManifest } from '../manifest.js';
import type { Repository } from '../repository/repository.js';
import { restoreArchive, restoreRoot } from './internal/restore-archive.js';
import { resolveIdentity } from './internal/resolve-identity.js';

export interface RestoreBackupRequest {
  manifest: BackupManifest;
  /** Where the backup is read from (the first repository holding a complete copy). */
  repository: Repository;
  /** Target connection string; its database is created when missing. */
  to: string;
  /** Restore into a database that already holds objects. */
  yes?: boolean;
  /** age identity file (else `BACKUP_AGE_IDENTITY_FILE`, else the verify identity). */
  identityFile?: string;
  /** Only these tables (`pg_restore -t`). */
  tables?: string[] | undefined;
  /** Skip ownership and grants: for a server that may lack the backup's roles. */
  withoutOwners?: boolean | undefined;
}

/**
 * Restores one backup into `to`: checks that the local pg_restore reads archives of the
 * backup's pg_dump (`ClientToolError`, exit 3), creates the target database when missing,
 * refuses a non-empty one without `yes` (`RefusedError` showing host, port, database and size),
 * downloads and decodes every file (checking sha256), and runs `pg_restore -j --exit-on-error`.
 *
 * Roles and tablespaces (`globals.sql`) are never applied to the target server, where they
 * could clash with existing ones: the file is kept as `<data-dir>/restore/<id>.globals.sql`
 * and its path returned, to review and apply with `psql -f`.
 */
export async function restoreBackup(ctx: BackupContext, request: RestoreBackupRequest): Promise<RestoreReport> {
  const { manifest, to } = request;
  const started = ctx.clock.now();
  await ctx.pgTools.assertCanRestore(manifest.clientVersion);
  const identityFile = resolveIdentity(ctx, request.identityFile);
  if (manifest.recipients.length > 0 && identityFile === undefined) {
    throw new UsageError(`backup ${manifest.id} is encrypted: pass --identity FILE (or set BACKUP_AGE_IDENTITY_FILE) with the age identity of one of its recipients`);
  }
  const target = describeConnectionString(to);
  const existing = await ctx.pgAdmin.inspect(to);
  if (existing && !existing.empty && !request.yes) {
    throw new RefusedError(`${target} is not empty (${formatBytes(existing.sizeBytes)}): pass --yes to restore backup ${manifest.id} into it anyway`);
  }
  // The database is created while the backup downloads; pg_restore waits for both.
  const targetReady = existing ? Promise.resolve() : ctx.pgAdmin.createDatabase(to, resolvePgTarget(to).database);
  // The restore awaits it; this only keeps a failure that ends the restore first from going unhandled.
  targetReady.catch(() => undefined);
  const globalsFile = manifest.globals ? join(restoreRoot(ctx.dataDir), `${manifest.id}.globals.sql`) : undefined;
  const timings = await restoreArchive(ctx, {
    manifest,
    repository: request.repository,
    url: to,
    targetReady,
    ...(identityFile !== undefined ? { identityFile } : {}),
    ...(request.tables ? { tables: request.tables } : {}),
    ...(request.withoutOwners ? { withoutOwners: true } : {}),
    operation: 'restore',
    ...(globalsFile !== undefined ? { keepGlobalsAt: globalsFile } : {}),
  });
  return {
    backupId: manifest.id,
    target,
    created: !existing,
    ...timings,
    totalMs: ctx.clock.now() - started,
    ...(globalsFile !== undefined ? { globalsFile } : {}),
  };
}
