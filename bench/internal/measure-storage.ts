import { statSync } from 'node:fs';
import { sql } from 'kysely';
import type { Store } from '../../src/store/index.js';
import type { TsdbStats } from '../../src/tsdb/index.js';
// The bench projects steady state from the size at which the tsdb seals a chunk.
import { CHUNK_MAX_SAMPLES } from '../../src/tsdb/internal/series-heads.js';
import type { StorageFigures } from '../scenario-result.js';

/**
 * Bytes per raw sample, several ways. A short run leaves every chunk a few samples into
 * its 120, so the per-row cost weighs far more than it will after hours. The long-run
 * figure the target is about is what the window added to the payloads per sample, plus
 * one chunk row's overhead spread over a full chunk. `start` is taken before the window,
 * `end` after a final flush.
 */
export async function storageFigures(store: Store, storePath: string, start: TsdbStats, end: TsdbStats): Promise<StorageFigures> {
  const perSample = (bytes: number) => (end.rawSamples > 0 ? bytes / end.rawSamples : 0);
  const rowOverhead = end.rawChunks > 0 ? (end.rawStorageBytes - end.rawBytes) / end.rawChunks : 0;
  const addedSamples = end.rawSamples - start.rawSamples;
  const windowPayload = addedSamples > 0 ? (end.rawBytes - start.rawBytes) / addedSamples : 0;
  const fileBytes = fileSize(storePath) + fileSize(`${storePath}-wal`);
  return {
    series: end.series,
    rawSamples: end.rawSamples,
    rawChunks: end.rawChunks,
    payloadPerSample: perSample(end.rawBytes),
    storageEstimatePerSample: perSample(end.rawStorageBytes),
    chunkPagesPerSample: perSample(await chunkTablePages(store)),
    fileBytes,
    filePerSample: perSample(fileBytes),
    windowPayloadPerSample: windowPayload,
    steadyStatePerSample: windowPayload + rowOverhead / CHUNK_MAX_SAMPLES,
    chunkCapacity: CHUNK_MAX_SAMPLES,
    samplesPerChunk: end.rawChunks > 0 ? end.rawSamples / end.rawChunks : 0,
  };
}

/** Pages of `tsdb_chunk` and its indexes as SQLite's dbstat reports them (whole pages, free space inside included). */
async function chunkTablePages(store: Store): Promise<number> {
  const result = await sql<{ bytes: number | null }>`
    select sum(d.pgsize) as bytes from dbstat d join sqlite_master m on m.name = d.name
    where m.tbl_name = 'tsdb_chunk'`.execute(store.db);
  return Number(result.rows[0]?.bytes ?? 0);
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
