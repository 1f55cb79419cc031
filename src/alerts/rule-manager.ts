import type { Clock } from '../clock/index.js';
import type { AlertingConfig, AlertRuleConfig } from '../config/index.js';
import type { EventBus, GuardiaEvents } from '../events/index.js';
import { createEngine, staleNaN, tsdbQueryable, type Metric, type Point } from '../promql/index.js';
import { RESOLVED_RETENTION_MS, RuleGroupEvaluator, type AlertStateMachine, type RuleSampleSink } from '../rules/index.js';
import type { Tsdb } from '../tsdb/index.js';
import type { AlertStateRepository, SavedAlert } from './alert-state-repository.js';
import { buildAlertingRule, pinnedProbes, WATCHDOG_RULE } from './internal/build-alerting-rule.js';
import { diffAlerts, toInstance, toMachineAlert, toSavedAlert } from './internal/alert-transitions.js';

/** What the rule manager reads, writes and publishes to. */
export interface RuleManagerDeps {
  config: AlertingConfig;
  tsdb: Tsdb;
  clock: Clock;
  events: EventBus<GuardiaEvents>;
  repository: AlertStateRepository;
  /** guardia's URL, for `{{ $externalURL }}` in templates. */
  externalUrl?: string;
  /** Receives rule failures (a query error, a refused sample) for the log. */
  onError?: (error: unknown, rule: string) => void;
}

/** The tsdb target `ALERTS` and `ALERTS_FOR_STATE` are written under. */
const ALERTS_TARGET = 'guardia:alerts';

interface ManagedRule {
  config: AlertRuleConfig;
  evaluator: RuleGroupEvaluator;
  machine: AlertStateMachine;
  /** What the store holds for this rule, by fingerprint. */
  known: Map<string, SavedAlert>;
  lastT: number;
  /** Evaluations of one rule run one after another. */
  queue: Promise<void>;
}

/**
 * Runs the alert rules of guardia.yaml: a rule over one probe's series is evaluated as soon
 * as that probe records a result; every rule is evaluated every `evaluation_interval`.
 * States are saved before each transition is published, and restored on `start()`, so a
 * restart resumes `for` timers and does not announce an alert that was already firing.
 */
export class RuleManager {
  private readonly rules: ManagedRule[];
  private readonly byProbe = new Map<string, ManagedRule[]>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly deps: RuleManagerDeps) {
    const configs = [...deps.config.rules, ...(deps.config.watchdog ? [WATCHDOG_RULE] : [])];
    const engine = createEngine();
    const source = tsdbQueryable(deps.tsdb);
    const sink = this.sink();
    this.rules = configs.map((config) => {
      const rule = buildAlertingRule(config);
      const group = { name: `${config.env ?? 'global'}/${config.name}`, file: 'guardia.yaml', intervalMs: deps.config.evaluationIntervalMs, limit: 0, rules: [rule] };
      const evaluator = new RuleGroupEvaluator(group, { engine, source, sink, externalLabels: {}, externalUrl: deps.externalUrl ?? '' });
      const managed: ManagedRule = { config, evaluator, machine: evaluator.alertState(rule) as AlertStateMachine, known: new Map(), lastT: -Infinity, queue: Promise.resolve() };
      for (const probeId of pinnedProbes(rule.expr)) this.byProbe.set(probeId, [...(this.byProbe.get(probeId) ?? []), managed]);
      return managed;
    });
  }

  /** Restores saved states, resolves alerts of rules that no longer exist, and starts following probe results. */
  async start(): Promise<void> {
    const saved = await this.deps.repository.list();
    for (const alert of saved) {
      const managed = this.rules.find((r) => r.config.name === alert.rule && r.config.env === alert.env);
      if (managed) managed.known.set(alert.fingerprint, alert);
      else await this.retire(alert);
    }
    for (const managed of this.rules) managed.machine.restore([...managed.known.values()].map(toMachineAlert));
    this.unsubscribe = this.deps.events.on('probe:result', (result) => {
      for (const managed of this.byProbe.get(result.probeId) ?? []) void this.enqueue(managed);
    });
  }

  /** Evaluates every rule now (the `evaluation_interval` job) and prunes old resolved alerts. */
  async evaluateAll(): Promise<void> {
    await Promise.all(this.rules.map((managed) => this.enqueue(managed)));
    await this.deps.repository.pruneResolved(this.deps.clock.now() - RESOLVED_RETENTION_MS);
  }

  /** Resolves once the evaluations queued so far are done. */
  async idle(): Promise<void> {
    await Promise.all(this.rules.map((managed) => managed.queue));
  }

  /** Stops following probe results and waits for evaluations in flight. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.idle();
  }

  private enqueue(managed: ManagedRule): Promise<void> {
    managed.queue = managed.queue.then(() => this.evaluate(managed)).catch((error: unknown) => this.deps.onError?.(error, managed.config.name));
    return managed.queue;
  }

  private async evaluate(managed: ManagedRule): Promise<void> {
    const t = this.deps.clock.now();
    // Two triggers in the same millisecond see the same data; evaluating once is enough.
    if (t <= managed.lastT) return;
    managed.lastT = t;
    const [outcome] = await managed.evaluator.evaluate(t);
    if (outcome?.error !== undefined) this.deps.onError?.(new Error(outcome.error), managed.config.name);
    const now = managed.machine.all().map((alert) => toSavedAlert(managed.config, alert, t));
    const changes = diffAlerts(managed.known, now, t);
    for (const fingerprint of changes.drop) {
      managed.known.delete(fingerprint);
      await this.deps.repository.delete(fingerprint);
    }
    for (const alert of changes.save) {
      managed.known.set(alert.fingerprint, alert);
      await this.deps.repository.save(alert);
    }
    for (const instance of changes.publish) this.deps.events.emit('alert:state', instance);
  }

  /** An alert of a rule removed from the config: resolved once, so what was notified is closed. */
  private async retire(alert: SavedAlert): Promise<void> {
    if (alert.state === 'resolved') return;
    const t = this.deps.clock.now();
    const resolved = { ...alert, state: 'resolved' as const, resolvedAt: t, updatedAt: t, keepFiringSince: null };
    await this.deps.repository.save(resolved);
    this.deps.events.emit('alert:state', toInstance(resolved));
  }

  private sink(): RuleSampleSink {
    return {
      append: (metric: Metric, point: Point) => {
        const { __name__: name = '', ...labels } = metric;
        const v = point.stale ? staleNaN() : point.v;
        this.deps.tsdb.append(ALERTS_TARGET, [{ name, labels, t: point.t, v, type: 'gauge' }]);
      },
    };
  }
}
