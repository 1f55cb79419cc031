import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupContext } from '../../backup-context.js';
import type { Progress } from '../../backup-service.js';
import type { BackupManifest } from '../../manifest.js';
import type { Repository } from '../../repository/repository.js';
import { fetchBackup } from '../fetch-backup.js';
import { progressReporter } from './report-progress.js';
import { canStreamRestore, streamedRestore } from './streamed-restore.js';

export interface RestoreArchiveRequest {
  manifest: BackupManifest;
  repository: Repository;
  /** The database restored into: it exists, or `targetReady` resolves once it does. */
  url: string;
  targetReady?: Promise<void>;
  identityFile?: string;
  tables?: readonly string[];
  operation: Progress['operation'];
  /** Move `globals.sql` here instead of deleting it with the rest. */
  keepGlobalsAt?: string;
  /** Skip ownership and grants (restoring onto a server that may lack the backup's roles). */
  withoutOwners?: boolean;
}

/** How a restore went: see `RestoreReport`. */
export interface RestoreTimings {
  streamed: boolean;
  downloadMs: number;
  restoreMs: number;
}

/** `<data-dir>/restore`: scratch folders of restores, one per run, removed when it ends. */
export function restoreRoot(dataDir: string): string {
  return join(dataDir, 'restore');
}

/**
 * Restores a backup into `url` through a scratch folder under `<data-dir>/restore/`, removed
 * whatever happens. zstd archives of a whole database stream their table data into the
 * database while downloading (`streamedRestore`); otherwise every file is downloaded and
 * decoded first, then `pg_restore` runs (parallel, exit on the first error). Returns how long
 * the download and the rest of the restore took.
 */
export async function restoreArchive(ctx: BackupContext, request: RestoreArchiveRequest): Promise<RestoreTimings> {
  const { manifest } = request;
  const { clock } = ctx;
  const report = progressReporter(ctx, request.operation, manifest.database);
  const dir = join(restoreRoot(ctx.dataDir), `${manifest.id}-${randomBytes(3).toString('hex')}`);
  const started = clock.now();
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const codec = await ctx.createCodec({ recipients: manifest.recipients, compression: manifest.compression });
    report({ phase: 'download', bytes: 0, totalBytes: manifest.storedBytes, tables: 0, totalTables: request.tables?.length ?? manifest.tables.length });
    if (canStreamRestore(request, codec)) {
      const timings = await streamedRestore(ctx, request, codec, dir, report);
      await keepGlobals(dir, request);
      return timings;
    }
    // Both settle before anything is removed, so no decoder writes into a deleted folder.
    const settled = await Promise.allSettled([
      fetchBackup(request.repository, manifest, codec, dir, {
        identityFile: request.identityFile,
        signal: ctx.signal,
        onBytes: (bytes) => report({ bytes }),
      }),
      request.targetReady,
    ]);
    for (const result of settled) if (result.status === 'rejected') throw result.reason;
    const downloaded = clock.now();
    let tables = 0;
    report({ phase: 'restore', bytes: 0, totalBytes: manifest.rawBytes });
    await ctx.pgTools.restore({
      url: request.url,
      dir: join(dir, 'dump'),
      jobs: ctx.config.jobs,
      ...(request.tables ? { tables: request.tables } : {}),
      ...(request.withoutOwners ? { withoutOwners: true } : {}),
      signal: ctx.signal,
      onTable: () => report({ tables: ++tables }),
    });
    await keepGlobals(dir, request);
    return { streamed: false, downloadMs: downloaded - started, restoreMs: clock.now() - downloaded };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function keepGlobals(dir: string, request: RestoreArchiveRequest): Promise<void> {
  if (request.manifest.globals && request.keepGlobalsAt !== undefined) await rename(join(dir, 'globals.sql'), request.keepGlobalsAt);
}
