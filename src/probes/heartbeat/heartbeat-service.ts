import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock/index.js';
import { InvalidRequestError, NotFoundError } from '../../errors.js';
import type { EventBus, GuardiaEvents } from '../../events/index.js';
import type { Store } from '../../store/store.js';
import type { ProbeOutcome } from '../probe.js';
import type { HeartbeatPing, HeartbeatProbeConfig, HeartbeatRecord, PingKind } from './heartbeat-record.js';
import { evaluateHeartbeat } from './internal/evaluate-heartbeat.js';
import { heartbeatFromRow } from './internal/heartbeat-row.js';
import { insertPing } from './internal/insert-ping.js';
import { selectPings } from './internal/select-pings.js';

export interface HeartbeatServiceOptions {
  store: Store;
  clock: Clock;
  events?: EventBus<GuardiaEvents>;
  /** Pings kept per heartbeat in `heartbeat_ping` (default 100). */
  historyLimit?: number;
}

/**
 * Push-based checks in the manner of Healthchecks.io: jobs ping `/push/<token>` and
 * guardia judges whether the pings arrive on schedule. State lives in the store, so
 * deadlines survive restarts.
 */
export class HeartbeatService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly events: EventBus<GuardiaEvents> | undefined;
  private readonly historyLimit: number;

  constructor(options: HeartbeatServiceOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.events = options.events;
    this.historyLimit = options.historyLimit ?? 100;
  }

  /** The probe's push token: the configured one, or one generated once and kept in the store. */
  async ensureToken(config: HeartbeatProbeConfig): Promise<string> {
    const configured = config.heartbeat.token;
    const existing = await this.findByProbe(config.id);
    if (configured === undefined && existing) return existing.token;
    const token = configured ?? randomBytes(18).toString('base64url');
    if (existing?.token === token) return token;
    const owner = await this.findByToken(token);
    if (owner && owner.probeId !== config.id) {
      throw new InvalidRequestError(`heartbeat token of ${config.id} is already used by ${owner.probeId}; give each heartbeat its own token`);
    }
    const db = this.store.db;
    if (existing) await db.updateTable('heartbeat').set({ token }).where('probe_id', '=', config.id).execute();
    else {
      await db
        .insertInto('heartbeat')
        .values({
          probe_id: config.id,
          token,
          created_ms: this.clock.now(),
          last_ping_ms: null,
          last_start_ms: null,
          last_kind: null,
          last_exit_status: null,
        })
        .onConflict((oc) => oc.column('probe_id').doNothing())
        .execute();
    }
    // Another process may have won the insert; the stored token is the truth.
    return (await this.findByProbe(config.id))?.token ?? token;
  }

  async findByToken(token: string): Promise<HeartbeatRecord | undefined> {
    const row = await this.store.db.selectFrom('heartbeat').selectAll().where('token', '=', token).executeTakeFirst();
    return row ? heartbeatFromRow(row) : undefined;
  }

  async findByProbe(probeId: string): Promise<HeartbeatRecord | undefined> {
    const row = await this.store.db.selectFrom('heartbeat').selectAll().where('probe_id', '=', probeId).executeTakeFirst();
    return row ? heartbeatFromRow(row) : undefined;
  }

  /**
   * Records a ping. With an exit status the kind follows from it (0 → success, else fail),
   * as `/push/<token>/<exit status>` means. Throws `NotFoundError` for an unknown token.
   */
  async recordPing(token: string, kind: PingKind, exitStatus?: number): Promise<HeartbeatRecord> {
    const record = await this.findByToken(token);
    if (!record) throw new NotFoundError('unknown heartbeat token');
    const effective: PingKind = exitStatus === undefined ? kind : exitStatus === 0 ? 'success' : 'fail';
    const at = this.clock.now();
    const { probeId } = record;
    await insertPing(this.store.db, { probeId, kind: effective, exitStatus, at, historyLimit: this.historyLimit });
    this.events?.emit('heartbeat:ping', { probeId, kind: effective, ...(exitStatus === undefined ? {} : { exitStatus }), at });
    return (await this.findByProbe(probeId)) ?? record;
  }

  /** The newest pings first. */
  history(probeId: string, limit = 50): Promise<HeartbeatPing[]> {
    return selectPings(this.store.db, probeId, limit);
  }

  /** Judges the heartbeat at `now` (see `evaluateHeartbeat` for the rules). */
  async evaluate(config: HeartbeatProbeConfig, now: number): Promise<ProbeOutcome> {
    let record = await this.findByProbe(config.id);
    if (!record) {
      await this.ensureToken(config);
      record = await this.findByProbe(config.id);
    }
    if (!record) return { status: 'down', reason: 'heartbeat is not registered' };
    return evaluateHeartbeat(config.heartbeat, record, now);
  }
}
