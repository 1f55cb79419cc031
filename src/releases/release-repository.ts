import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import type { ReleaseRecord, ReleaseStatus } from './release.js';

type Row = Database['releases'];

/** Reads and writes `releases` rows; JSON columns are (de)serialized here. */
export class ReleaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(record: ReleaseRecord): Promise<void> {
    await this.db.insertInto('releases').values(toRow(record)).execute();
  }

  /** Saves the record's steps, approvals, timings and holder; `status` changes only through `transition`. */
  async save(record: ReleaseRecord): Promise<void> {
    const { steps, approvals, started_at, holder, previous_version } = toRow(record);
    await this.db.updateTable('releases').set({ steps, approvals, started_at, holder, previous_version }).where('id', '=', record.id).execute();
  }

  /** Sets `status` only when the row is still in `from` (compare-and-set); true when it changed. */
  async transition(id: string, from: readonly ReleaseStatus[], status: ReleaseStatus, patch: Partial<Pick<Row, 'reason' | 'ended_at' | 'holder'>> = {}): Promise<boolean> {
    const result = await this.db.updateTable('releases').set({ status, ...patch }).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async get(id: string): Promise<ReleaseRecord | undefined> {
    const row = await this.db.selectFrom('releases').selectAll().where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  /** Releases of an environment, newest first. */
  async list(env: string, limit = 50): Promise<ReleaseRecord[]> {
    const rows = await this.db.selectFrom('releases').selectAll().where('env', '=', env).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(fromRow);
  }

  /** Releases in one of `statuses`, any environment. */
  async withStatus(statuses: readonly ReleaseStatus[]): Promise<ReleaseRecord[]> {
    const rows = await this.db.selectFrom('releases').selectAll().where('status', 'in', [...statuses]).execute();
    return rows.map(fromRow);
  }

  /** The version now deployed: that of the newest succeeded release or rollback, if any. */
  async currentVersion(env: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('releases')
      .select(['version', 'previous_version', 'status'])
      .where('env', '=', env)
      .where('status', 'in', ['succeeded', 'rolled_back'])
      .orderBy('ended_at', 'desc')
      .executeTakeFirst();
    if (!row) return null;
    return row.status === 'succeeded' ? row.version : row.previous_version;
  }

  /** The newest release of `env` that succeeded, if any. */
  async lastSucceeded(env: string): Promise<ReleaseRecord | undefined> {
    const row = await this.db.selectFrom('releases').selectAll().where('env', '=', env).where('kind', '=', 'release').where('status', '=', 'succeeded').orderBy('ended_at', 'desc').executeTakeFirst();
    return row && fromRow(row);
  }

  /** Whether `version` was released successfully to `env`. */
  async succeeded(env: string, version: string): Promise<boolean> {
    const row = await this.db.selectFrom('releases').select('id').where('env', '=', env).where('version', '=', version).where('kind', '=', 'release').where('status', '=', 'succeeded').executeTakeFirst();
    return row !== undefined;
  }
}

function toRow(r: ReleaseRecord): Row {
  return {
    id: r.id,
    env: r.env,
    version: r.version,
    previous_version: r.previousVersion,
    kind: r.kind,
    status: r.status,
    initiator: r.initiator,
    holder: r.holder,
    config: JSON.stringify(r.config),
    steps: JSON.stringify(r.steps),
    approvals: JSON.stringify(r.approvals),
    created_at: r.createdAt,
    started_at: r.startedAt,
    ended_at: r.endedAt,
    reason: r.reason,
  };
}

function fromRow(row: Row): ReleaseRecord {
  return {
    id: row.id,
    env: row.env,
    version: row.version,
    previousVersion: row.previous_version,
    kind: row.kind as ReleaseRecord['kind'],
    status: row.status as ReleaseStatus,
    initiator: row.initiator,
    holder: row.holder,
    config: JSON.parse(row.config) as unknown,
    steps: JSON.parse(row.steps) as ReleaseRecord['steps'],
    approvals: JSON.parse(row.approvals) as ReleaseRecord['approvals'],
    createdAt: Number(row.created_at),
    startedAt: row.started_at === null ? null : Number(row.started_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
    reason: row.reason,
  };
}
