import { GuardiaError } from '../../errors.js';
import type { Metric, PromqlEngine, Queryable, VectorSample } from '../../promql/index.js';
import { labelSetKey } from '../internal/label-set.js';
import type { Rule, RuleGroup } from '../rule-group.js';
import type { RuleSampleSink } from '../rule-sample-sink.js';
import { AlertStateMachine } from './alert-state-machine.js';
import { evaluateAlertingRule, type AlertContext } from './alerting-rule-eval.js';
import { recordingSamples } from './recording-rule-eval.js';
import { queryRule } from './rule-query.js';

/** What a group evaluator reads from and writes to. */
export interface RuleGroupDeps extends AlertContext {
  engine: PromqlEngine;
  /** What rule expressions read; it must see what `sink` receives, so later rules see earlier results. */
  source: Queryable;
  sink: RuleSampleSink;
}

/** How one rule did at one evaluation. */
export interface RuleOutcome {
  rule: Rule;
  /** Why the rule failed (its query, a duplicate label set, the limit, a refused sample). */
  error: string | undefined;
}

/**
 * Evaluates one rule group at the times it is given, as Prometheus's group does: rules in
 * order, each rule's results appended before the next rule runs; series a rule stops
 * returning get a staleness marker; alerting rules keep their state between evaluations.
 */
export class RuleGroupEvaluator {
  private readonly machines = new Map<Rule, AlertStateMachine>();
  /** Per rule, the series it wrote at its previous successful evaluation. */
  private readonly previous = new Map<Rule, Map<string, Metric>>();

  constructor(
    readonly group: RuleGroup,
    private readonly deps: RuleGroupDeps,
  ) {
    for (const rule of group.rules) {
      if (rule.kind === 'alert') this.machines.set(rule, new AlertStateMachine(rule));
    }
  }

  /** Runs every rule of the group at `t` (ms). */
  async evaluate(t: number): Promise<RuleOutcome[]> {
    const outcomes: RuleOutcome[] = [];
    for (const rule of this.group.rules) {
      let samples: VectorSample[];
      try {
        samples = await this.evaluateRule(rule, t);
      } catch (error) {
        if (!(error instanceof GuardiaError)) throw error;
        outcomes.push({ rule, error: error.message });
        continue;
      }
      outcomes.push({ rule, error: this.write(rule, samples, t) });
    }
    return outcomes;
  }

  /** The state machine of an alerting rule of this group. */
  alertState(rule: Rule): AlertStateMachine | undefined {
    return this.machines.get(rule);
  }

  private async evaluateRule(rule: Rule, t: number): Promise<VectorSample[]> {
    const vector = await queryRule(this.deps.engine, this.deps.source, rule.expr, t);
    if (rule.kind === 'record') return recordingSamples(rule, vector, t, this.group.limit);
    return evaluateAlertingRule(rule, this.machines.get(rule) as AlertStateMachine, vector, t, this.deps, this.group.limit);
  }

  /** Appends the rule's samples and staleness markers; returns the first refused sample's error. */
  private write(rule: Rule, samples: readonly VectorSample[], t: number): string | undefined {
    let error: string | undefined;
    const written = new Map<string, Metric>();
    for (const sample of samples) {
      try {
        this.deps.sink.append(sample.metric, { t, v: sample.v });
        written.set(labelSetKey(sample.metric), sample.metric);
      } catch (refused) {
        if (!(refused instanceof GuardiaError)) throw refused;
        error ??= refused.message;
      }
    }
    for (const [key, metric] of this.previous.get(rule) ?? []) {
      if (written.has(key)) continue;
      try {
        this.deps.sink.append(metric, { t, v: NaN, stale: true });
      } catch (refused) {
        // Another rule may have written this series at `t`; Prometheus ignores that too.
        if (!(refused instanceof GuardiaError)) throw refused;
      }
    }
    this.previous.set(rule, written);
    return error;
  }
}
