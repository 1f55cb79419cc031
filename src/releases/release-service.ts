import { randomBytes } from 'node:crypto';
import type { ReleaseConfig } from '../config/schema/release/release-config.js';
import { NotFoundError, RefusedError, UsageError } from '../errors.js';
import { holdLock, type HeldLock } from '../locks/index.js';
import { configSnapshot } from './internal/config-snapshot.js';
import { executeRelease } from './release-execution.js';
import { checkReleaseAllowed } from './release-checks.js';
import type { ReleaseDeps } from './release-deps.js';
import { releaseNotification, type ReleaseEvent } from './release-notification.js';
import { FINAL_STATUSES, type ReleaseRecord } from './release.js';

/** What `guardia release` asks for. */
export interface StartRelease {
  env: string;
  version: string;
  initiator: string;
  /** Reason to go past blocking migration lint findings; recorded. */
  overrideLint?: string;
}

const ACTIVE = ['running', 'watching'] as const;
const CANCEL_CHECK_MS = 1_000;

/**
 * Releases and rollbacks of environments, shared by the CLI and the HTTP API. A release runs in
 * the process that starts it (or that completes its approval), under the environment's lock.
 */
export class ReleaseService {
  constructor(private readonly deps: ReleaseDeps) {}

  /**
   * Checks and records a release, then runs it unless it needs approval (then it is
   * `pending_approval` and returned as is). Refused checks throw `RefusedError`.
   */
  async start(request: StartRelease): Promise<ReleaseRecord> {
    await this.reconcile();
    const config = this.config(request.env);
    await checkReleaseAllowed(request.env, request.version, config, this.deps.repository, this.deps.clock.now());
    // Taking the lock first makes a concurrent release fail before anything is recorded.
    const lock = await this.lock(request.env, request.version);
    const previous = await this.deps.repository.currentVersion(request.env);
    const record = this.newRecord(request.env, request.version, previous, 'release', request.initiator, config, request.overrideLint);
    if (config.approval) {
      record.status = 'pending_approval';
      await this.deps.repository.insert(record);
      await lock.release();
      return record;
    }
    await this.deps.repository.insert(record);
    return this.run(record, config, lock, request.overrideLint);
  }

  /** Records an approval by `by` (never the initiator, never twice, not after expiry); the updated record. */
  async approve(id: string, by: string): Promise<ReleaseRecord> {
    const record = await this.get(id);
    if (record.status !== 'pending_approval') throw new RefusedError(`release ${id} is ${record.status}, not waiting for approval`);
    if (by === record.initiator) throw new RefusedError(`${by} started release ${id} and cannot approve it; another person must`);
    if (record.approvals.some((a) => a.by === by)) throw new RefusedError(`${by} already approved release ${id}`);
    const approval = this.config(record.env).approval;
    if (approval && this.deps.clock.now() > record.createdAt + approval.expiresMs) {
      await this.deps.repository.transition(id, ['pending_approval'], 'cancelled', { reason: 'the approval request expired', ended_at: this.deps.clock.now() });
      throw new RefusedError(`release ${id} expired waiting for approval; start it again with guardia release ${record.env} ${record.version}`);
    }
    record.approvals.push({ by, at: this.deps.clock.now() });
    await this.deps.repository.save(record);
    return record;
  }

  /** Whether a pending release has all its approvals. */
  approved(record: ReleaseRecord): boolean {
    return record.approvals.length >= (this.config(record.env).approval?.approvers ?? 0);
  }

  /**
   * Runs an approved pending release in this process; undefined when another process took it
   * first (it is no longer pending).
   */
  async resume(id: string): Promise<ReleaseRecord | undefined> {
    const record = await this.get(id);
    if (record.status !== 'pending_approval' || !this.approved(record)) return undefined;
    const config = this.config(record.env);
    const lock = await this.lock(record.env, record.version);
    if (!(await this.deps.repository.transition(id, ['pending_approval'], 'running', { holder: lock.holder }))) {
      await lock.release();
      return undefined;
    }
    const snapshot = record.config as { overrideLint?: string };
    return this.run({ ...record, status: 'running' }, config, lock, snapshot.overrideLint);
  }

  /** Polls the store until the release ends, resuming it here when its approvals complete first. */
  async waitFor(id: string, signal?: AbortSignal): Promise<ReleaseRecord> {
    for (;;) {
      const ran = await this.resume(id);
      if (ran) return ran;
      const record = await this.get(id);
      if (FINAL_STATUSES.includes(record.status)) return record;
      await this.deps.clock.sleep(CANCEL_CHECK_MS, signal);
    }
  }

  /** Rolls `env` back to `to` (default: the version before the current one) with the rollback steps. */
  async rollback(env: string, initiator: string, to?: string): Promise<ReleaseRecord> {
    await this.reconcile();
    const config = this.config(env);
    if (config.rollback.length === 0) throw new UsageError(`environment ${env} has no release.rollback steps`);
    const current = await this.deps.repository.currentVersion(env);
    const target = to ?? (await this.deps.repository.lastSucceeded(env))?.previousVersion ?? undefined;
    if (target === undefined) throw new UsageError(`no previous version of ${env} is known; say which with --to VERSION`);
    const lock = await this.lock(env, target);
    const record = this.newRecord(env, target, current, 'rollback', initiator, config);
    await this.deps.repository.insert(record);
    return this.run(record, config, lock);
  }

  /** Cancels a pending or running release; the running process kills its current step. */
  async cancel(id: string, by: string): Promise<ReleaseRecord> {
    const record = await this.get(id);
    const done = await this.deps.repository.transition(id, ['pending_approval', ...ACTIVE], 'cancelled', { reason: `cancelled by ${by}`, ended_at: this.deps.clock.now() });
    if (!done) throw new RefusedError(`release ${id} is ${record.status} and cannot be cancelled`);
    return this.get(id);
  }

  async list(env: string, limit?: number): Promise<ReleaseRecord[]> {
    this.config(env);
    return this.deps.repository.list(env, limit);
  }

  async get(id: string): Promise<ReleaseRecord> {
    const record = await this.deps.repository.get(id);
    if (!record) throw new NotFoundError(`no release "${id}"; list them with guardia releases <env>`);
    return record;
  }

  /** Marks releases left running by a process that is gone (or whose lock lapsed) `interrupted`; those it marked. */
  async reconcile(): Promise<ReleaseRecord[]> {
    const marked: ReleaseRecord[] = [];
    for (const record of await this.deps.repository.withStatus(ACTIVE)) {
      const lock = await this.deps.locks.holderOf(lockName(record.env));
      const alive = record.holder !== null && this.deps.holderAlive(record.holder) && lock?.holder === record.holder;
      if (alive) continue;
      const reason = `interrupted: ${record.holder ?? 'its process'} stopped while it was ${record.status}; check what was deployed before releasing again`;
      if (await this.deps.repository.transition(record.id, ACTIVE, 'interrupted', { reason, ended_at: this.deps.clock.now() })) marked.push({ ...record, status: 'interrupted', reason });
    }
    return marked;
  }

  private async run(record: ReleaseRecord, config: ReleaseConfig, lock: HeldLock, overrideLint?: string): Promise<ReleaseRecord> {
    const abort = new AbortController();
    const { repository, clock } = this.deps;
    // `guardia release cancel` (another process) only changes the row; this notices and kills the current step.
    const check = (): void => {
      void repository.get(record.id).then((now) => {
        if (now?.status === 'cancelled') abort.abort();
        else if (!abort.signal.aborted) stopWatching = clock.setTimer(CANCEL_CHECK_MS, check);
      });
    };
    let stopWatching = clock.setTimer(CANCEL_CHECK_MS, check);
    try {
      record.holder = lock.holder;
      record.startedAt = this.deps.clock.now();
      await this.deps.repository.save(record);
      await this.tell(record, 'started');
      const outcome = await executeRelease(record, config, this.deps, abort.signal, overrideLint);
      const ended = this.deps.clock.now();
      if (outcome.status !== 'cancelled') await this.deps.repository.transition(record.id, ACTIVE, outcome.status, { reason: outcome.reason ?? record.reason, ended_at: ended });
      const final = await this.get(record.id);
      this.deps.output(`[${record.env}] ${record.kind} ${record.id}: ${final.status}${final.reason ? ` — ${final.reason}` : ''}`);
      if (final.status === 'succeeded' || final.status === 'failed' || final.status === 'rolled_back') await this.tell(final, final.status);
      return final;
    } finally {
      abort.abort();
      stopWatching();
      await lock.release();
    }
  }

  private async tell(record: ReleaseRecord, event: ReleaseEvent): Promise<void> {
    const config = this.config(record.env);
    const channels = config.notify ?? this.deps.config.routing.routes.find((r) => r.id === 'notify')?.channels ?? [];
    for (const channel of channels) {
      await this.deps.notify(releaseNotification(record, event, channel, this.deps.externalUrl, this.deps.clock.now())).catch((error: unknown) => {
        this.deps.output(`[${record.env}] could not queue the ${event} notification for ${channel}: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
  }

  private lock(env: string, version: string): Promise<HeldLock> {
    return holdLock(this.deps.locks, lockName(env), this.deps.holder(`release ${env} ${version}`), { clock: this.deps.clock, what: `releases of ${env}` });
  }

  private config(env: string): ReleaseConfig {
    const environment = this.deps.config.environments.find((e) => e.name === env);
    if (!environment) throw new NotFoundError(`no environment "${env}" in the config`);
    if (!environment.release) throw new UsageError(`environment ${env} has no release: section; add one to guardia.yaml`);
    return environment.release;
  }

  private newRecord(env: string, version: string, previous: string | null, kind: ReleaseRecord['kind'], initiator: string, config: ReleaseConfig, overrideLint?: string): ReleaseRecord {
    const now = this.deps.clock.now();
    const stamp = new Date(now).toISOString().replace(/[-:]/g, '').slice(0, 15);
    return {
      id: `${env}-${stamp}Z-${randomBytes(2).toString('hex')}`,
      env, version, previousVersion: previous, kind, status: 'running', initiator, holder: null, config: configSnapshot(config, this.deps.redact, overrideLint),
      steps: [], approvals: [], createdAt: now, startedAt: null, endedAt: null, reason: overrideLint !== undefined ? `migration lint overridden: ${overrideLint}` : null,
    };
  }
}

/** The lock name of an environment's releases. */
export function lockName(env: string): string {
  return `release:${env}`;
}
