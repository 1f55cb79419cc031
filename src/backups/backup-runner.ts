import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock/index.js';
import type { BackupDatabaseConfig, BackupsConfig } from '../config/resolved-backup-config.js';
import { BackupFailedError, GuardiaError } from '../errors.js';
import type { EventBus, GuardiaEvents } from '../events/index.js';
import { holdLock, lockHolder, type NamedLocks } from '../locks/index.js';
import type { ArchiveCodec } from './archive/archive-codec.js';
import type { BackupRecords } from './backup-records.js';
import type { Progress } from './backup-service.js';
import { backupPrefix, newBackupId } from './internal/backup-id.js';
import { operationLockName, operationPurpose } from './internal/operation-lock.js';
import { RunProgress } from './internal/run-progress.js';
import { listFilesUnder, removeStaging, stagingRoot } from './internal/staging-files.js';
import { DumpFileTracker } from './internal/dump-file-tracker.js';
import { FileQueue, storeFiles, type PlainFile } from './internal/store-files.js';
import { watchDumpSize } from './internal/watch-dump-size.js';
import type { BackupManifest, ManifestTable } from './manifest.js';
import { serializeManifest } from './manifest-io.js';
import type { PgAdmin } from './pg/pg-admin.js';
import type { PgTools } from './pg/pg-tools.js';
import type { Repository } from './repository/repository.js';

/** What one backup run needs; the service builds it per environment. */
export interface BackupRunnerDeps {
  clock: Clock;
  dataDir: string;
  records: BackupRecords;
  locks: NamedLocks;
  pgTools: PgTools;
  pgAdmin: PgAdmin;
  codec: ArchiveCodec;
  /** The environment's repositories, in config order; each backup is copied to each. */
  repositories: readonly Repository[];
  guardiaVersion: string;
  events?: EventBus<GuardiaEvents>;
  /** Backup ids (default `newBackupId`), for tests that need a known id. */
  newId?: (startedAt: number) => string;
}

export interface BackupRunRequest {
  environment: string;
  config: BackupsConfig;
  database: BackupDatabaseConfig;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/**
 * Backs up one database: takes the lock `backup:<env>/<db>` (`LockedError` when another run
 * holds it), checks pg_dump against the server (`ClientToolError`, exit 3, before anything is
 * written), dumps in one snapshot with row counts, encodes and uploads every file to every
 * repository, writes `manifest.json` last, and removes the staging folder. Any failure or abort
 * removes what was uploaded under this id, records the run as failed with a one-line reason and
 * throws; no manifest, no backup.
 */
export async function runBackup(deps: BackupRunnerDeps, request: BackupRunRequest): Promise<BackupManifest> {
  const { clock, records } = deps;
  const environment = request.environment;
  const database = request.database.name;
  const startedAt = clock.now();
  const id = (deps.newId ?? newBackupId)(startedAt);
  // The id makes the holder unique, so two runs in one process exclude each other too.
  const holder = lockHolder(`${operationPurpose('backup', environment, database)} ${id}`);
  const lock = await holdLock(deps.locks, operationLockName('backup', environment, database), holder, { clock, what: `backup of ${environment}/${database}` });
  try {
    await records.startRun({ id, environment, database, operation: 'backup', startedAt, holder });
    deps.events?.emit('backup:started', { id, environment, database, at: startedAt });
    const progress = new RunProgress(id, { operation: 'backup', environment, database }, { clock, records, onProgress: request.onProgress });
    try {
      const manifest = await produceBackup(deps, request, id, progress);
      const endedAt = clock.now();
      await records.finishRun(id, 'completed', endedAt);
      deps.events?.emit('backup:completed', { id, environment, database, startedAt, endedAt, rawBytes: manifest.rawBytes, storedBytes: manifest.storedBytes });
      return manifest;
    } catch (error) {
      const failure = asBackupFailure(error, `backup of ${environment}/${database}`, request.signal);
      await discardBackup(deps, backupPrefix(environment, database, id), id);
      await records.finishRun(id, request.signal?.aborted ? 'interrupted' : 'failed', clock.now(), failure.message);
      deps.events?.emit('backup:failed', { id, environment, database, at: clock.now(), reason: failure.message });
      throw failure;
    }
  } finally {
    await lock.release();
  }
}

async function produceBackup(deps: BackupRunnerDeps, request: BackupRunRequest, id: string, progress: RunProgress): Promise<BackupManifest> {
  const { codec, pgTools, pgAdmin } = deps;
  const { config, signal } = request;
  const url = request.database.url;
  const startedAt = deps.clock.now();
  const serverVersion = await pgAdmin.serverVersion(url);
  await pgTools.assertCanDump(serverVersion);
  const client = await pgTools.version('pg_dump');

  const staging = join(stagingRoot(deps.dataDir), id);
  const plainDir = join(staging, 'plain');
  await mkdir(plainDir, { recursive: true });
  progress.update({ phase: 'dump' });
  const prefix = backupPrefix(request.environment, request.database.name, id);
  // Files are encoded and uploaded while the dump goes on, as pg_dump finishes each table's file.
  const queue = new FileQueue();
  const queued = new Set<string>();
  const stopStoring = new AbortController();
  let dumping = true;
  const storing = storeFiles({
    plainDir, storedDir: join(staging, 'stored'), files: queue, codec, repositories: deps.repositories, prefix,
    signal: signal ? AbortSignal.any([signal, stopStoring.signal]) : stopStoring.signal,
    onProgress: (done) => {
      if (!dumping) progress.update(done.filesLeftToEncode > 0 ? { phase: 'encode', bytes: done.encodedRawBytes } : { phase: 'upload', bytes: done.uploadedBytes });
    },
  });
  // A file that cannot be stored ends the dump at once (and is the error reported).
  const stopDump = new AbortController();
  storing.catch((error: unknown) => stopDump.abort(error));
  const dumpSignal = signal ? AbortSignal.any([signal, stopDump.signal]) : stopDump.signal;
  let tables: ManifestTable[];
  try {
    tables = await dumpInSnapshot(deps, { ...request, signal: dumpSignal }, plainDir, progress, (file) => {
      queued.add(file.path);
      queue.push(file);
    });
    if (config.globals) {
      progress.update({ phase: 'globals' });
      await pgTools.dumpGlobals({ url, file: join(plainDir, 'globals.sql'), signal: dumpSignal });
    }
    // Files already queued may be encoded and removed by now.
    const rest = (await listFilesUnder(plainDir, (path) => queued.has(path))).sort((a, b) => b.size - a.size);
    dumping = false;
    progress.update({ phase: 'encode', bytes: 0 });
    queue.push(...rest);
  } catch (error) {
    stopStoring.abort(error);
    await storing.catch(() => undefined);
    throw stopDump.signal.aborted && !signal?.aborted ? stopDump.signal.reason : error;
  } finally {
    queue.close();
  }
  const files = await storing;
  const rawBytes = files.reduce((sum, f) => sum + f.rawSize, 0);

  const manifest: BackupManifest = {
    format: 1, id, environment: request.environment, database: request.database.name, serverVersion, clientVersion: client.text,
    guardiaVersion: deps.guardiaVersion, startedAt: new Date(startedAt).toISOString(), endedAt: new Date(deps.clock.now()).toISOString(),
    method: 'pg_dump_directory', compression: codec.compression, recipients: [...codec.recipients], rawBytes,
    storedBytes: files.reduce((sum, f) => sum + f.size, 0), files, tables, globals: config.globals,
  };
  progress.update({ phase: 'manifest' });
  for (const repository of deps.repositories) {
    signal?.throwIfAborted();
    await repository.put(`${prefix}manifest.json`, serializeManifest(manifest), { signal });
  }
  await removeStaging(deps.dataDir, id);
  return manifest;
}

/**
 * The dump in one snapshot, with the row counts read in it. Each data file goes to `ready` as
 * soon as pg_dump starts writing it (see `DumpFileTracker`), so it is encoded as it grows.
 */
async function dumpInSnapshot(
  deps: BackupRunnerDeps,
  request: BackupRunRequest,
  plainDir: string,
  progress: RunProgress,
  ready: (file: PlainFile) => void,
): Promise<ManifestTable[]> {
  const { config, signal } = request;
  const dumpDir = join(plainDir, 'dump');
  // pg_dump writes into an existing folder when it is empty; the tracker watches it from the start.
  await mkdir(dumpDir);
  let dumped = 0;
  const files = new DumpFileTracker({ clock: deps.clock, dir: dumpDir, prefix: 'dump/', sequential: config.jobs === 1, ready });
  files.start();
  const stopWatching = watchDumpSize(deps.clock, dumpDir, (bytes) => progress.update({ bytes }));
  try {
    const { tables } = await deps.pgAdmin.withSnapshot(request.database.url, config.excludeTableData, (snapshot) =>
      deps.pgTools.dump({
        url: request.database.url, dir: dumpDir, jobs: config.jobs, uncompressed: deps.codec.compression === 'zstd', snapshot,
        excludeTableData: config.excludeTableData, signal,
        onTable: () => progress.update({ tables: ++dumped }),
        onDataFile: (file) => files.finished(file),
      }),
    );
    files.end();
    progress.update({ tables: tables.length, totalTables: tables.length });
    return tables;
  } catch (error) {
    files.end(error);
    throw error;
  } finally {
    stopWatching();
  }
}

/** Best effort: a repository that failed the upload may fail the clean-up too; prune removes leftovers later. */
async function discardBackup(deps: BackupRunnerDeps, prefix: string, id: string): Promise<void> {
  await Promise.all(deps.repositories.map((repository) => repository.deletePrefix(prefix).catch(() => undefined)));
  await removeStaging(deps.dataDir, id).catch(() => undefined);
}

/** guardia errors keep their code and exit status; anything else becomes `BackupFailedError`. */
function asBackupFailure(error: unknown, what: string, signal: AbortSignal | undefined): GuardiaError {
  if (signal?.aborted) return new BackupFailedError(`${what} was aborted; its partial files were removed`, { cause: error });
  if (error instanceof GuardiaError) return error;
  return new BackupFailedError(`${what} failed: ${(error as Error).message ?? String(error)}`, { cause: error });
}
