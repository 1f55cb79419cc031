import type { Clock } from '../../clock/index.js';
import type { HeartbeatPingConfig } from '../../config/index.js';
import type { EventBus, GuardiaEvents } from '../../events/index.js';
import type { Job } from '../../scheduler/index.js';

/** What the outbound heartbeat needs. */
export interface HeartbeatPingerDeps {
  config: HeartbeatPingConfig;
  clock: Clock;
  events: EventBus<GuardiaEvents>;
  /** The scheduler job that evaluates every rule: its finished runs prove evaluation is healthy. */
  evaluationJobId: string;
  evaluationIntervalMs: number;
  project: string;
  fetch?: typeof fetch;
  /** A ping that failed or was held back; the next tick tries again. */
  onSkip?: (reason: string, error?: unknown) => void;
}

/** Longest a ping may take; a dead man's switch answers at once or not at all. */
const PING_TIMEOUT_MS = 10_000;
/** Evaluation counts as healthy while its last clean run is at most this many intervals old. */
const HEALTHY_INTERVALS = 2;
/** Plus this, for a run that is a little late on a busy machine. */
const HEALTHY_SLACK_MS = 5_000;

/**
 * guardia's own dead man's switch: pings `alerting.heartbeat.url` every `every`, but only
 * while rule evaluation runs and finishes cleanly. When guardia dies, hangs, or its rules
 * stop being evaluated, the pings stop and the external service raises the alarm that
 * guardia itself no longer can.
 */
export class HeartbeatPinger {
  private lastCleanEvaluationAt: number | undefined;
  /** Why the last evaluation run did not finish cleanly, and its error. */
  private lastProblem: { reason: string; error?: unknown } | undefined;
  private startedAt = -Infinity;

  constructor(private readonly deps: HeartbeatPingerDeps) {}

  /** Follows the evaluation job's runs; returns the unsubscribe function. */
  start(): () => void {
    this.startedAt = this.deps.clock.now();
    const offFinish = this.deps.events.on('job:finish', (e) => {
      if (e.jobId !== this.deps.evaluationJobId) return;
      if (e.error === undefined) this.lastCleanEvaluationAt = e.finishedAt;
      this.lastProblem = e.error === undefined ? undefined : { reason: 'the last rule evaluation failed', error: e.error };
    });
    const offTimeout = this.deps.events.on('job:timeout', (e) => {
      if (e.jobId === this.deps.evaluationJobId) this.lastProblem = { reason: 'the last rule evaluation timed out' };
    });
    return () => {
      offFinish();
      offTimeout();
    };
  }

  /** The periodic job that pings, for the daemon's scheduler (on its injected clock). */
  toJob(): Job {
    return {
      id: 'guardia:heartbeat',
      everyMs: this.deps.config.everyMs,
      jitterMs: 0,
      deadlineMs: Math.min(PING_TIMEOUT_MS, this.deps.config.everyMs),
      run: (signal) => this.ping(signal),
    };
  }

  /** Pings once if evaluation is healthy; failures go to `onSkip`, never thrown (the next tick retries). */
  async ping(signal?: AbortSignal): Promise<void> {
    // Right after start the first evaluation may still be running: wait for it quietly.
    if (this.lastCleanEvaluationAt === undefined && this.deps.clock.now() - this.startedAt <= this.healthyWithinMs()) return;
    const unhealthy = this.unhealthyReason();
    if (unhealthy !== undefined) return this.deps.onSkip?.(`heartbeat not sent: ${unhealthy}`, this.lastProblem?.error);
    const { url, method } = this.deps.config;
    const timeout = AbortSignal.timeout(Math.min(PING_TIMEOUT_MS, this.deps.config.everyMs));
    const init: RequestInit = { method, signal: signal ? AbortSignal.any([signal, timeout]) : timeout };
    if (method === 'POST') {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify({ project: this.deps.project, status: 'ok', at: new Date(this.deps.clock.now()).toISOString() });
    }
    try {
      const response = await (this.deps.fetch ?? fetch)(url, init);
      await response.body?.cancel();
      if (!response.ok) this.deps.onSkip?.(`heartbeat ping answered HTTP ${response.status}; retrying next tick`);
    } catch (error) {
      // Stopping cut the ping short: nothing failed.
      if (signal?.aborted) return;
      this.deps.onSkip?.('heartbeat ping failed; retrying next tick', error);
    }
  }

  private unhealthyReason(): string | undefined {
    if (this.lastProblem !== undefined) return this.lastProblem.reason;
    if (this.lastCleanEvaluationAt === undefined) return 'no rule evaluation has finished yet';
    const age = this.deps.clock.now() - this.lastCleanEvaluationAt;
    return age > this.healthyWithinMs() ? `the last rule evaluation finished ${Math.round(age / 1_000)} s ago` : undefined;
  }

  private healthyWithinMs(): number {
    return HEALTHY_INTERVALS * this.deps.evaluationIntervalMs + HEALTHY_SLACK_MS;
  }
}
