import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArchiveCodec } from '../../archive/archive-codec.js';
import type { BackupContext } from '../../backup-context.js';
import { backupPrefix } from '../../internal/backup-id.js';
import type { ManifestFile } from '../../manifest.js';
import type { ArchiveEntry } from '../../pg/pg-tools.js';
import { fetchBackup } from '../fetch-backup.js';
import { countBytes } from './count-bytes.js';
import type { RestoreArchiveRequest, RestoreTimings } from './restore-archive.js';
import type { ProgressReporter } from './report-progress.js';
import { runLimited } from './run-limited.js';

const TOC = 'dump/toc.dat';

/** Whether `streamedRestore` can read this backup: zstd per file, a table of contents, the whole database. */
export function canStreamRestore(request: RestoreArchiveRequest, codec: ArchiveCodec): boolean {
  return codec.compression === 'zstd' && request.tables === undefined && request.manifest.files.some((f) => f.plainPath === TOC);
}

/**
 * Restores while downloading. Each table's data streams from the repository through age and
 * zstd straight into `COPY … FROM stdin` (psql), so loading starts with the first bytes instead
 * of after the last file is decoded; the schema (pre-data) is created as soon as `toc.dat` is
 * in; the other files (sequences, large objects, globals) land on disk meanwhile. Then
 * `pg_restore` runs the rest of the data section and the post-data section (indexes,
 * constraints, triggers) with `jobs` workers. The COPY statements and session settings are
 * pg_restore's own, read from the archive's table of contents.
 */
export async function streamedRestore(
  ctx: BackupContext,
  request: RestoreArchiveRequest,
  codec: ArchiveCodec,
  dir: string,
  report: ProgressReporter,
): Promise<RestoreTimings> {
  const { manifest, repository, url } = request;
  const { pgTools, clock } = ctx;
  const startedAt = clock.now();
  const dumpDir = join(dir, 'dump');
  const byPlainPath = new Map(manifest.files.map((f) => [f.plainPath, f]));
  // Stored bytes read: by the files fetched to disk (each call counts from 0) and by the streams.
  const read = { toc: 0, onDisk: 0, streamed: 0 };
  const reportBytes = () => report({ bytes: read.toc + read.onDisk + read.streamed });
  const fetchOptions = { identityFile: request.identityFile, signal: ctx.signal } as const;
  const toc = byPlainPath.get(TOC) as ManifestFile;
  await fetchBackup(repository, manifest, codec, dir, { ...fetchOptions, files: [toc], onBytes: (n) => ((read.toc = n), reportBytes()) });

  const entries = await pgTools.listArchive(dumpDir);
  const planDir = join(dir, 'plan');
  await mkdir(planDir);
  await copyFile(join(dumpDir, 'toc.dat'), join(planDir, 'toc.dat'));
  const candidates = entries.filter((e) => e.tableData && byPlainPath.has(dataFile(e)));
  const plan = await pgTools.copyPlan(planDir, candidates.map((e) => e.id));
  const streamed = candidates.filter((e) => plan.copies.has(e.id)).sort((a, b) => sizeOf(b) - sizeOf(a));
  const streamedFiles = new Set(streamed.map(dataFile));
  const onDisk = manifest.files.filter((f) => f.plainPath !== TOC && !streamedFiles.has(f.plainPath));
  const owners = request.withoutOwners ? { withoutOwners: true } : {};
  let tables = 0;
  const tableDone = () => report({ tables: ++tables });

  const stop = new AbortController();
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, stop.signal]) : stop.signal;
  const stopOthers = (error: unknown) => {
    if (!stop.signal.aborted) stop.abort(error);
    throw error;
  };
  const fetched = fetchBackup(repository, manifest, codec, dir, {
    ...fetchOptions,
    signal,
    files: onDisk,
    onBytes: (n) => ((read.onDisk = n), reportBytes()),
  }).catch(stopOthers);
  const loading = new Map<number, string>();
  let allStarted!: () => void;
  const started = new Promise<void>((resolve) => (allStarted = resolve));
  const loaded = (async () => {
    await request.targetReady;
    await pgTools.restore({ url, dir: dumpDir, jobs: 1, section: 'pre-data', ...owners, signal });
    const prefix = backupPrefix(manifest.environment, manifest.database, manifest.id);
    const load = async (entry: ArchiveEntry, taskSignal: AbortSignal) => {
      const file = byPlainPath.get(dataFile(entry)) as ManifestFile;
      const { copy, schema, name } = plan.copies.get(entry.id) as { copy: string; schema: string; name: string };
      loading.set(entry.id, `${schema}.${name}`);
      const stored = countBytes(await repository.get(`${prefix}${file.path}`, { signal: taskSignal }), (n) => ((read.streamed += n), reportBytes()));
      const psql = pgTools.copyInCommand(url, plan.setup, copy);
      await codec.decodeToProcess(stored, psql, { path: file.path, sha256: file.sha256, size: file.size }, { identityFile: request.identityFile, signal: taskSignal });
      loading.delete(entry.id);
      tableDone();
    };
    await runLimited(streamed, ctx.config.jobs, load, signal, () => allStarted());
  })().catch(stopOthers);
  // Indexes and constraints start while the last tables still load: each waits for its table's
  // COPY to commit (its lock), as pg_restore's own scheduler would. Only once every COPY holds
  // its lock, so none is ever built before its data, nor a foreign key checked against a table
  // still empty.
  const finished = (async () => {
    await Promise.race([started, loaded]);
    await fetched;
    // A COPY that never shows (a table name pg_stat_progress_copy spells otherwise): wait for every load to end.
    if (!(await waitForCopies(ctx, url, loading, signal))) await loaded;
    const rest = entries.filter((e) => !streamedFiles.has(dataFile(e)));
    const restList = join(dir, 'rest.list');
    await writeFile(restList, rest.map((e) => `${e.line}\n`).join(''));
    await pgTools.restore({ url, dir: dumpDir, jobs: ctx.config.jobs, section: 'data', listFile: restList, ...owners, signal, onTable: tableDone });
    await pgTools.restore({ url, dir: dumpDir, jobs: ctx.config.jobs, section: 'post-data', ...owners, signal });
  })().catch(stopOthers);
  let downloaded = clock.now();
  void Promise.all([fetched, loaded]).then(() => {
    downloaded = clock.now();
    report({ phase: 'restore' });
  }, () => undefined);
  const settled = await Promise.allSettled([fetched, loaded, finished]);
  if (settled.some((r) => r.status === 'rejected')) throw ctx.signal?.aborted ? ctx.signal.reason : stop.signal.reason;
  return { streamed: true, downloadMs: downloaded - startedAt, restoreMs: clock.now() - downloaded };

  function sizeOf(entry: ArchiveEntry): number {
    return byPlainPath.get(dataFile(entry))?.rawSize ?? 0;
  }
}

const COPY_POLL_MS = 25;
const COPY_WAIT_MS = 30_000;

/**
 * Waits until every table still in `loading` shows in `pg_stat_progress_copy` (or has finished
 * loading); false when that did not happen within `COPY_WAIT_MS`.
 */
async function waitForCopies(ctx: BackupContext, url: string, loading: ReadonlyMap<number, string>, signal: AbortSignal): Promise<boolean> {
  for (let waited = 0; waited < COPY_WAIT_MS; waited += COPY_POLL_MS) {
    signal.throwIfAborted();
    if (loading.size === 0) return true;
    const copying = new Set(await ctx.pgAdmin.tablesBeingCopied(url));
    if ([...loading.values()].every((table) => copying.has(table))) return true;
    await new Promise((resolve) => setTimeout(resolve, COPY_POLL_MS));
  }
  return false;
}

/** A TABLE DATA entry's file in a directory archive, decoded. */
function dataFile(entry: ArchiveEntry): string {
  return `dump/${entry.id}.dat`;
}
