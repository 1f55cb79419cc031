import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupContext } from '../../backup-context.js';
import type { Progress } from '../../backup-service.js';
import type { BackupManifest } from '../../manifest.js';
import type { Repository } from '../../repository/repository.js';
import { fetchBackup } from '../fetch-backup.js';
import { progressReporter } from './report-progress.js';

export interface RestoreArchiveRequest {
  manifest: BackupManifest;
  repository: Repository;
  /** The database restored into; it exists already. */
  url: string;
  identityFile?: string;
  tables?: readonly string[];
  operation: Progress['operation'];
  /** Move `globals.sql` here instead of deleting it with the rest. */
  keepGlobalsAt?: string;
  /** Skip ownership and grants (restoring onto a server that may lack the backup's roles). */
  withoutOwners?: boolean;
}

/** `<data-dir>/restore`: scratch folders of restores, one per run, removed when it ends. */
export function restoreRoot(dataDir: string): string {
  return join(dataDir, 'restore');
}

/**
 * Downloads and decodes a backup into a scratch folder under `<data-dir>/restore/`, runs
 * `pg_restore` into `url` (parallel, exit on the first error), and removes the folder whatever
 * happens. Returns how long the download and the restore took.
 */
export async function restoreArchive(ctx: BackupContext, request: RestoreArchiveRequest): Promise<{ downloadMs: number; restoreMs: number }> {
  const { manifest } = request;
  const { clock } = ctx;
  const report = progressReporter(ctx, request.operation, manifest.database);
  const dir = join(restoreRoot(ctx.dataDir), `${manifest.id}-${randomBytes(3).toString('hex')}`);
  const started = clock.now();
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const codec = await ctx.createCodec({ recipients: manifest.recipients, compression: manifest.compression });
    report({ phase: 'download', bytes: 0, totalBytes: manifest.storedBytes });
    await fetchBackup(request.repository, manifest, codec, dir, {
      identityFile: request.identityFile,
      signal: ctx.signal,
      onBytes: (bytes) => report({ bytes }),
    });
    const downloaded = clock.now();
    const totalTables = request.tables?.length ?? manifest.tables.length;
    let tables = 0;
    report({ phase: 'restore', bytes: 0, totalBytes: manifest.rawBytes, tables, totalTables });
    await ctx.pgTools.restore({
      url: request.url,
      dir: join(dir, 'dump'),
      jobs: ctx.config.jobs,
      ...(request.tables ? { tables: request.tables } : {}),
      ...(request.withoutOwners ? { withoutOwners: true } : {}),
      signal: ctx.signal,
      onTable: () => report({ tables: ++tables }),
    });
    if (manifest.globals && request.keepGlobalsAt !== undefined) await rename(join(dir, 'globals.sql'), request.keepGlobalsAt);
    return { downloadMs: downloaded - started, restoreMs: clock.now() - downloaded };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
