import type { Insertable } from 'kysely';
import { RowsStatement, type Database, type Store } from '../../store/index.js';
import type { ProbeStateTable } from '../../store/schema.js';
import type { ProbeResult, ProbeStatus } from '../probe.js';

/** Rows per upsert: 9 parameters each, far below SQLite's 32,766 and PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 500;

type StateRow = Insertable<ProbeStateTable>;

interface KnownState {
  status: ProbeStatus;
  sinceMs: number;
  lastRunMs: number;
}

/**
 * Keeps `probe_state`, the last result of each probe, which outlives restarts. Each
 * probe's status is remembered in memory (read from the store once), so a run needs no
 * query to learn its previous status. `save(result, 'batched')` queues a row whose status
 * did not change for the next `flush()` — the daemon flushes every second, one transaction
 * for all probes, where a transaction per run cost a quarter of the engine's CPU — while a
 * status change, and every `save(result, 'now')` (manual runs), is written at once.
 * `since_ms` is kept while the status is unchanged.
 */
export class ProbeStateSaver {
  private known: Map<string, KnownState> | undefined;
  private loading: Promise<Map<string, KnownState>> | undefined;
  private pending = new Map<string, StateRow>();
  private writing: Promise<void> = Promise.resolve();
  /** The write that starts when the current one ends; rows asked for meanwhile join it. */
  private next: { rows: Map<string, StateRow>; done: Promise<void> } | undefined;

  constructor(private readonly store: Store) {}

  /** Records a result and returns the probe's previous status (undefined at its first run). */
  async save(result: ProbeResult, when: 'now' | 'batched'): Promise<ProbeStatus | undefined> {
    const known = this.known ?? (await this.load());
    let state = known.get(result.probeId);
    const previous = state?.status;
    if (!state) known.set(result.probeId, (state = { status: result.status, sinceMs: result.at, lastRunMs: result.at }));
    // Updated in place: a fresh object per run would outlive the young generation and pile up as old garbage.
    if (previous !== result.status) state.sinceMs = result.at;
    state.status = result.status;
    state.lastRunMs = result.at;
    const row = toRow(result, state.sinceMs);
    // A change is what `guardia status` and the API must show as soon as it is published.
    if (when === 'batched' && previous === result.status) {
      this.pending.set(row.probe_id, row);
    } else {
      // This row is newer than any queued one of the probe, which must not overwrite it later.
      this.pending.delete(row.probe_id);
      await this.write([row]);
    }
    return previous;
  }

  /** Writes the queued rows. On failure they stay queued (unless newer ones came) and the error is thrown. */
  flush(): Promise<void> {
    if (this.pending.size === 0) return this.writing;
    const rows = [...this.pending.values()];
    this.pending = new Map();
    return this.write(rows).catch((error: unknown) => {
      for (const row of rows) {
        const newest = this.known?.get(row.probe_id)?.lastRunMs === row.last_run_ms;
        if (newest && !this.pending.has(row.probe_id)) this.pending.set(row.probe_id, row);
      }
      throw error;
    });
  }

  /**
   * Writes run one after another, so an older batch never lands after a newer row. Rows
   * asked for while a write runs share the next transaction (the newest row of a probe
   * wins): at start every probe's first result is a change, and a transaction apiece made
   * thousands queue up, each holding its run's objects until its turn.
   */
  private write(rows: StateRow[]): Promise<void> {
    let next = this.next;
    if (!next) {
      const batch = new Map<string, StateRow>();
      const done = this.writing.then(() => {
        this.next = undefined;
        return upsertStates(this.store, [...batch.values()]);
      });
      this.next = next = { rows: batch, done };
      this.writing = done.catch(() => undefined);
    }
    for (const row of rows) next.rows.set(row.probe_id, row);
    return next.done;
  }

  private load(): Promise<Map<string, KnownState>> {
    this.loading ??= this.store.db
      .selectFrom('probe_state')
      .select(['probe_id', 'status', 'since_ms', 'last_run_ms'])
      .execute()
      .then((rows) => {
        this.known ??= new Map(rows.map((r) => [r.probe_id, { status: r.status as ProbeStatus, sinceMs: Number(r.since_ms), lastRunMs: Number(r.last_run_ms) }]));
        return this.known;
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}

/** The upsert of probe states, its SQL compiled once per row count. */
const upsertStatement = new RowsStatement<Database, StateRow>(
  (db, rows) => db
    .insertInto('probe_state')
    .values(rows)
    .onConflict((oc) =>
      oc.column('probe_id').doUpdateSet((eb) => ({
        env: eb.ref('excluded.env'),
        probe: eb.ref('excluded.probe'),
        kind: eb.ref('excluded.kind'),
        status: eb.ref('excluded.status'),
        reason: eb.ref('excluded.reason'),
        since_ms: eb.ref('excluded.since_ms'),
        last_run_ms: eb.ref('excluded.last_run_ms'),
        duration_ms: eb.ref('excluded.duration_ms'),
      })),
    ),
  (rows) => {
    const values: unknown[] = [];
    for (const r of rows) values.push(r.probe_id, r.env, r.probe, r.kind, r.status, r.reason, r.since_ms, r.last_run_ms, r.duration_ms);
    return values;
  },
);

async function upsertStates(store: Store, rows: StateRow[]): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await upsertStatement.execute(trx, rows.slice(i, i + ROWS_PER_STATEMENT));
  });
}

function toRow(result: ProbeResult, sinceMs: number): StateRow {
  return {
    probe_id: result.probeId,
    env: result.env,
    probe: result.probe,
    kind: result.kind,
    status: result.status,
    reason: result.reason,
    since_ms: sinceMs,
    last_run_ms: result.at,
    duration_ms: result.durationMs,
  };
}
