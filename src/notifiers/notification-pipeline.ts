import type { AlertInstance } from '../alerts/alert-instance.js';
import type { CancelTimer, Clock } from '../clock/index.js';
import type { RoutingConfig } from '../config/index.js';
import type { EventBus, GuardiaEvents } from '../events/index.js';
import type { Store } from '../store/index.js';
import type { Tsdb } from '../tsdb/index.js';
import { openWindowFor } from './maintenance/maintenance-calendar.js';
import type { NotificationEnricher } from './notification-enricher.js';
import type { Notification, Notifier, NotifiedAlert } from './notifier.js';
import type { OutboxEntry } from './outbox/outbox-entry.js';
import { OutboxRepository } from './outbox/outbox-repository.js';
import { OutboxWorker } from './outbox/outbox-worker.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './outbox/retry-policy.js';
import { GroupRepository } from './routing/group-repository.js';
import { applyAlert, planFlush, type GroupAlert, type GroupState } from './routing/group-state.js';
import { isInhibited } from './routing/inhibitor.js';
import type { ProbeDependencyGate } from './routing/probe-dependency-gate.js';
import { groupOf, matchingRoutes } from './routing/route-matcher.js';
import type { SilenceService } from './silences/silence-service.js';

/** Delay before looking again at work that is overdue (a step failed). */
const RETRY_OVERDUE_MS = 1_000;

export interface NotificationPipelineDeps {
  routing: RoutingConfig;
  store: Store;
  clock: Clock;
  silences: SilenceService;
  /** Probe `depends_on`: alerts about a probe whose dependency is down are muted. */
  dependencies?: ProbeDependencyGate;
  notifierFor: (channel: string) => Notifier | undefined;
  /** Adds annotations (incident links) to the alerts of each notification as it is built. */
  enricher?: NotificationEnricher;
  /** For links in notifications. */
  externalUrl: string;
  tsdb?: Tsdb;
  retry?: Partial<RetryPolicy>;
  onError?: (error: unknown) => void;
  onDeliveryFailure?: (entry: OutboxEntry, error: unknown, dead: boolean) => void;
}

/**
 * Turns `alert:state` events into notifications: routes each alert to its groups, applies
 * the group timers and the latency contract (critical firings, resolves and re-firings go
 * at once), leaves out silenced, inhibited and in-maintenance alerts, writes what to send
 * to the durable outbox and delivers it. All work runs one step at a time on the injected clock.
 */
export class NotificationPipeline {
  private readonly groups: GroupRepository;
  readonly outbox: OutboxRepository;
  private readonly worker: OutboxWorker;
  /** Firing alerts by fingerprint: the sources of inhibition. */
  private readonly firing = new Map<string, { fingerprint: string; labels: Record<string, string> }>();
  private queue: Promise<void> = Promise.resolve();
  private delivering: Promise<void> | undefined;
  private deliverAgain = false;
  private timer: { at: number; cancel: CancelTimer } | undefined;
  private stopped = false;

  constructor(private readonly deps: NotificationPipelineDeps) {
    this.groups = new GroupRepository(deps.store);
    this.outbox = new OutboxRepository(deps.store);
    this.worker = new OutboxWorker({
      repository: this.outbox,
      notifierFor: deps.notifierFor,
      clock: deps.clock,
      retry: { ...DEFAULT_RETRY_POLICY, ...deps.retry },
      tsdb: deps.tsdb,
      onFailure: deps.onDeliveryFailure,
    });
  }

  /** Resumes from the store (group timers, undelivered rows) and follows `alert:state` events. */
  async start(events?: EventBus<GuardiaEvents>): Promise<() => void> {
    for (const group of await this.groups.all()) {
      for (const alert of Object.values(group.alerts)) if (alert.state === 'firing') this.firing.set(alert.fingerprint, alert);
    }
    const off = events?.on('alert:state', (alert) => this.handle(alert));
    await this.tick();
    return () => off?.();
  }

  /** Takes one alert transition (what the `alert:state` listener calls). */
  handle(alert: AlertInstance): void {
    if (alert.state === 'pending' || (alert.state === 'resolved' && alert.firedAt === null)) return;
    if (alert.state === 'firing') this.firing.set(alert.fingerprint, alert);
    else this.firing.delete(alert.fingerprint);
    this.enqueue(() => this.route(alert));
  }

  /** Flushes due groups and sends due outbox rows (also what the periodic job calls). */
  tick(): Promise<void> {
    this.enqueue(async () => {
      for (const key of await this.groups.due(this.deps.clock.now())) await this.flush(key);
    });
    this.kickDelivery();
    return this.idle();
  }

  /** Resolves once queued work and deliveries in flight are done. */
  async idle(): Promise<void> {
    for (;;) {
      const queue = this.queue;
      const delivering = this.delivering;
      await queue;
      await delivering;
      if (queue === this.queue && delivering === this.delivering) return;
    }
  }

  /** Stops timers; work in flight finishes. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = undefined;
    await this.idle();
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((error: unknown) => this.deps.onError?.(error));
  }

  private async route(alert: AlertInstance): Promise<void> {
    const now = this.deps.clock.now();
    for (const route of matchingRoutes(this.deps.routing.routes, alert.labels)) {
      const ref = groupOf(route, alert.labels);
      const stored = await this.groups.load(ref.key);
      const state: GroupState = stored?.state ?? { key: ref.key, routeId: route.id, labels: ref.labels, alerts: {}, notified: [], lastFiring: [], lastSentAt: null };
      const wanted = applyAlert(state, alert, route, now);
      const dueAt = minDue(stored?.dueAt ?? null, wanted ?? null);
      await this.groups.save(state, dueAt, now);
      if (dueAt !== null && dueAt <= now) await this.flush(ref.key);
    }
    this.kickDelivery();
  }

  private async flush(key: string): Promise<void> {
    const now = this.deps.clock.now();
    const stored = await this.groups.load(key);
    if (!stored) return;
    const { state } = stored;
    const route = this.deps.routing.routes.find((r) => r.id === state.routeId);
    if (!route) return this.groups.save({ ...state, alerts: {}, notified: [] }, null, now);
    const muted = await this.mutedNow(Object.values(state.alerts), now);
    const { plan, dueAt } = planFlush(state, route, (a) => muted.has(a.fingerprint), now, (a) => `${this.deps.externalUrl}/api/v1/alerts${a.labels.env ? `?env=${encodeURIComponent(a.labels.env)}` : ''}`);
    if (plan) {
      const alerts = await this.enrich(plan.alerts);
      for (const channel of route.channels) {
        const notification: Notification = {
          key: plan.key,
          channel,
          status: plan.status,
          groupKey: state.key,
          groupLabels: state.labels,
          commonLabels: common(alerts.map((a) => a.labels)),
          commonAnnotations: common(alerts.map((a) => a.annotations)),
          alerts,
          externalUrl: this.deps.externalUrl,
        };
        await this.outbox.enqueue(notification, now);
      }
    }
    await this.groups.save(state, dueAt, now);
  }

  /** The alerts with the enricher's annotations; without them (error reported) rather than not at all. */
  private async enrich(alerts: NotifiedAlert[]): Promise<NotifiedAlert[]> {
    if (!this.deps.enricher) return alerts;
    try {
      const extra = await this.deps.enricher.annotationsFor(alerts);
      return alerts.map((a) => {
        const more = extra.get(a.fingerprint);
        return more ? { ...a, annotations: { ...a.annotations, ...more } } : a;
      });
    } catch (error) {
      this.deps.onError?.(error);
      return alerts;
    }
  }

  private async mutedNow(alerts: GroupAlert[], now: number): Promise<Set<string>> {
    const muted = new Set<string>();
    for (const alert of alerts) {
      if (alert.state !== 'firing') continue;
      const { routing, silences } = this.deps;
      if (
        openWindowFor(routing.maintenance, alert.labels, now) ||
        isInhibited(alert.labels, alert.fingerprint, this.firing.values(), routing.inhibit) ||
        (await silences.mutedBy(alert.labels, now)) ||
        (await this.deps.dependencies?.downDependency(alert.labels)) !== undefined
      ) {
        muted.add(alert.fingerprint);
      }
    }
    return muted;
  }

  private kickDelivery(): void {
    if (this.delivering) {
      this.deliverAgain = true;
      return;
    }
    this.delivering = (async () => {
      do {
        this.deliverAgain = false;
        await this.queue;
        await this.worker.deliverDue().catch((error: unknown) => this.deps.onError?.(error));
      } while (this.deliverAgain);
      await this.scheduleNext();
    })().finally(() => (this.delivering = undefined));
  }

  /** One timer on the clock, at the next group or outbox due time. */
  private async scheduleNext(): Promise<void> {
    if (this.stopped) return;
    const candidates = [await this.groups.nextDueAt(), await this.outbox.nextDueAt()].filter((t): t is number => t !== undefined);
    if (candidates.length === 0) return;
    const at = Math.min(...candidates);
    if (this.timer && this.timer.at <= at && this.timer.at > this.deps.clock.now()) return;
    this.timer?.cancel();
    const now = this.deps.clock.now();
    // Something already due is left over from a failed step: retry it in a second, not in a tight loop.
    const cancel = this.deps.clock.setTimer(at > now ? at - now : RETRY_OVERDUE_MS, () => {
      this.timer = undefined;
      void this.tick();
    });
    this.timer = { at, cancel };
  }
}

function minDue(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** Labels (or annotations) every alert shares. */
function common(sets: Record<string, string>[]): Record<string, string> {
  const [first, ...rest] = sets;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first).filter(([k, v]) => rest.every((s) => s[k] === v)));
}
