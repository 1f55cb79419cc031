import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import type { MirrorsTable } from '../store/schema.js';
import type { MaskReport } from './masking/mask-database.js';
import type { MirrorRecord, MirrorStatus } from './mirror-service.js';

/** A mirror row as this process starts it; times in epoch ms. */
export interface StartedMirror {
  id: string;
  from: string;
  to: string;
  backupId: string;
  holder: string;
  rules: string[];
  seedFiles: string[];
  startedAt: number;
}

/**
 * The `mirrors` and `mirror_keys` tables: one statement per change, so the CLI and the daemon
 * can share the store.
 */
export class MirrorRecords {
  constructor(readonly db: Kysely<Database>) {}

  async start(run: StartedMirror): Promise<void> {
    await this.db
      .insertInto('mirrors')
      .values({
        id: run.id, from_env: run.from, to_env: run.to, backup_id: run.backupId, status: 'running', holder: run.holder,
        rules: JSON.stringify(run.rules), seed_files: JSON.stringify(run.seedFiles), masked: null,
        started_at: run.startedAt, ended_at: null, duration_ms: null, error: null,
      })
      .execute();
  }

  /** Ends a running mirror; `error` is kept to its first line. */
  async finish(id: string, status: Exclude<MirrorStatus, 'running'>, endedAt: number, outcome: { masked?: MaskReport; error?: string } = {}): Promise<void> {
    const row = await this.db.selectFrom('mirrors').select('started_at').where('id', '=', id).executeTakeFirst();
    await this.db
      .updateTable('mirrors')
      .set({
        status, ended_at: endedAt, duration_ms: row ? endedAt - Number(row.started_at) : null,
        masked: outcome.masked ? JSON.stringify(outcome.masked) : null,
        error: outcome.error === undefined ? null : (outcome.error.split('\n')[0] ?? ''),
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  async get(id: string): Promise<MirrorRecord | undefined> {
    const row = await this.db.selectFrom('mirrors').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Rows still marked running (some may belong to a process that died). */
  async running(): Promise<(MirrorRecord & { holder: string })[]> {
    const rows = await this.db.selectFrom('mirrors').selectAll().where('status', '=', 'running').execute();
    return rows.map((row) => ({ ...toRecord(row), holder: row.holder }));
  }

  /** Mirrors into `to`, newest first. */
  async list(to: string, limit = 100): Promise<MirrorRecord[]> {
    const rows = await this.db.selectFrom('mirrors').selectAll().where('to_env', '=', to).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toRecord);
  }

  /** The masking key kept for `env`, made (32 random bytes, hex) the first time it is asked for. */
  async keyOf(env: string, now: number): Promise<string> {
    const made = randomBytes(32).toString('hex');
    // Two processes asking at once both insert; the first row wins and both read it back.
    await this.db.insertInto('mirror_keys').values({ env, key: made, created_at: now }).onConflict((oc) => oc.column('env').doNothing()).execute();
    const row = await this.db.selectFrom('mirror_keys').select('key').where('env', '=', env).executeTakeFirstOrThrow();
    return row.key;
  }
}

function toRecord(row: MirrorsTable): MirrorRecord {
  const endedAt = row.ended_at === null ? undefined : Number(row.ended_at);
  return {
    id: row.id,
    from: row.from_env,
    to: row.to_env,
    backupId: row.backup_id,
    status: row.status as MirrorStatus,
    rules: JSON.parse(row.rules) as string[],
    seedFiles: JSON.parse(row.seed_files) as string[],
    ...(row.masked !== null ? { masked: JSON.parse(row.masked) as MaskReport } : {}),
    startedAt: new Date(Number(row.started_at)).toISOString(),
    ...(endedAt !== undefined ? { endedAt: new Date(endedAt).toISOString() } : {}),
    ...(row.duration_ms !== null ? { durationMs: Number(row.duration_ms) } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
  };
}
