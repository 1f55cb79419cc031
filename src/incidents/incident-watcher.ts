import type { AlertInstance } from '../alerts/index.js';
import type { CancelTimer, Clock } from '../clock/index.js';
import type { IncidentsConfig } from '../config/index.js';
import type { EventBus, GuardiaEvents } from '../events/index.js';
import type { Notification } from '../notifiers/index.js';
import type { AckLinks } from './ack-links.js';
import type { IncidentAlert } from './incident.js';
import type { IncidentRepository } from './incident-repository.js';
import type { IncidentService } from './incident-service.js';
import { escalationNotification } from './internal/escalation-notification.js';
import { firstPosition, nextPosition } from './internal/escalation-plan.js';

export interface IncidentWatcherDeps {
  config: IncidentsConfig;
  repository: IncidentRepository;
  service: IncidentService;
  clock: Clock;
  ackLinks: AckLinks;
  /** The notifier pipeline's outbox: escalations are delivered the way every notification is. */
  outbox: { enqueue(notification: Notification, now: number): Promise<boolean> };
  /** Asks the outbox to deliver what was just written. */
  deliver: () => void;
  externalUrl: string;
  onError?: (error: unknown) => void;
}

/**
 * Opens incidents from firing alerts (joining correlated ones to an open incident), marks
 * their alerts resolved and auto-resolves, and escalates unacknowledged incidents on the
 * injected clock. Work runs one step at a time; escalation state lives in the store, so a
 * restart (or a CLI acknowledgement) is picked up at the next step.
 */
export class IncidentWatcher {
  private queue: Promise<void> = Promise.resolve();
  private timer: { at: number; cancel: CancelTimer } | undefined;
  private stopped = false;

  constructor(private readonly deps: IncidentWatcherDeps) {}

  /** Follows `alert:state` and resumes escalation timers. */
  async start(events?: EventBus<GuardiaEvents>): Promise<() => void> {
    const off = events?.on('alert:state', (alert) => this.handle(alert));
    await this.tick();
    return () => off?.();
  }

  handle(alert: AlertInstance): void {
    if (alert.state === 'pending' || (alert.state === 'resolved' && alert.firedAt === null)) return;
    this.enqueue(() => (alert.state === 'firing' ? this.firing(alert) : this.resolved(alert)));
  }

  /** Sends due escalation steps and sets the timer for the next (also what the periodic job calls). */
  tick(): Promise<void> {
    this.enqueue(() => this.escalateDue());
    return this.idle();
  }

  async idle(): Promise<void> {
    for (;;) {
      const queue = this.queue;
      await queue;
      if (queue === this.queue) return;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = undefined;
    await this.idle();
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue
      .then(work)
      .then(() => this.scheduleNext())
      .catch((error: unknown) => this.deps.onError?.(error));
  }

  private async firing(alert: AlertInstance): Promise<void> {
    const { repository, config, clock } = this.deps;
    const entry = toIncidentAlert(alert);
    const held = await repository.openWithAlert(alert.fingerprint);
    for (const id of held) {
      const before = (await repository.alerts(id)).find((a) => a.fingerprint === alert.fingerprint);
      if (before?.state === 'firing') continue;
      await repository.putAlert(id, entry);
      await repository.addEvent(id, { at: alert.updatedAt, kind: 'alert_firing', actor: 'guardia', text: `${describe(alert)} fires again` });
    }
    if (held.length > 0) return;
    const joined = await repository.correlated(alert.env, alert.rule, clock.now() - config.correlateMs);
    if (joined) {
      await repository.putAlert(joined.id, entry);
      await repository.addEvent(joined.id, { at: alert.updatedAt, kind: 'alert_firing', actor: 'guardia', text: `${describe(alert)} fires (correlated: joined this incident)` });
      return;
    }
    if (!config.openOn.includes(alert.severity)) return;
    const severity = config.map[alert.severity];
    const openedAt = clock.now();
    const incident = await repository.create({
      title: alert.annotations.summary || describe(alert),
      severity,
      env: alert.env,
      runbook: alert.annotations.runbook ?? null,
      openedAt,
      escalation: firstPosition(config.severities[severity], openedAt),
    });
    await repository.putAlert(incident.id, entry);
    await repository.addEvent(incident.id, { at: openedAt, kind: 'opened', actor: 'guardia', text: `${severity} opened: ${describe(alert)} fires (${alert.severity})` });
    await this.escalateDue();
  }

  private async resolved(alert: AlertInstance): Promise<void> {
    const { repository, config } = this.deps;
    for (const id of await repository.openWithAlert(alert.fingerprint)) {
      await repository.putAlert(id, toIncidentAlert(alert));
      await repository.addEvent(id, { at: alert.resolvedAt ?? alert.updatedAt, kind: 'alert_resolved', actor: 'guardia', text: `${describe(alert)} resolved` });
      if (config.autoResolve && (await repository.alerts(id)).every((a) => a.state === 'resolved')) {
        await this.deps.service.resolve(id, 'guardia', 'all its alerts resolved');
      }
    }
  }

  private async escalateDue(): Promise<void> {
    const { repository, config, clock } = this.deps;
    let wrote = false;
    for (const id of await repository.escalationsDue(clock.now())) {
      const [incident, at] = [await repository.get(id), await repository.escalation(id)];
      if (!incident || !at) continue;
      const policy = config.severities[incident.severity];
      const step = policy.escalate[at.step];
      if (step) {
        // Written before moving on: a crash in between re-writes the same keys, which the outbox ignores.
        const alerts = await repository.alerts(id);
        const links = { externalUrl: this.deps.externalUrl, ackUrl: await this.deps.ackLinks.url(this.deps.externalUrl, id) };
        for (const channel of step.notify) await this.deps.outbox.enqueue(escalationNotification(incident, alerts, at, channel, links), clock.now());
        wrote = true;
      }
      if (!(await repository.moveEscalation(id, at, step ? nextPosition(policy, at) : { ...at, dueMs: null })) || !step) continue;
      const round = at.round > 0 ? ` (round ${at.round + 1})` : '';
      await repository.addEvent(id, { at: clock.now(), kind: 'escalation', actor: 'guardia', text: `escalation step ${at.step + 1}${round}: notified ${step.notify.join(', ')}` });
    }
    if (wrote) this.deps.deliver();
  }

  private async scheduleNext(): Promise<void> {
    if (this.stopped) return;
    const at = await this.deps.repository.nextEscalationAt();
    if (at === undefined || (this.timer && this.timer.at === at)) return;
    this.timer?.cancel();
    const now = this.deps.clock.now();
    // Still due after a pass means a step could not move (another process holds it): look again in a second, not in a tight loop.
    const cancel = this.deps.clock.setTimer(at > now ? at - now : 1_000, () => {
      this.timer = undefined;
      void this.tick();
    });
    this.timer = { at, cancel };
  }
}

function describe(alert: AlertInstance): string {
  return alert.env ? `${alert.rule} in ${alert.env}` : alert.rule;
}

function toIncidentAlert(alert: AlertInstance): IncidentAlert {
  return {
    fingerprint: alert.fingerprint,
    rule: alert.rule,
    severity: alert.severity,
    state: alert.state === 'firing' ? 'firing' : 'resolved',
    labels: alert.labels,
    annotations: alert.annotations,
    firedAt: alert.firedAt ?? alert.activeAt,
    resolvedAt: alert.state === 'resolved' ? (alert.resolvedAt ?? alert.updatedAt) : null,
  };
}
