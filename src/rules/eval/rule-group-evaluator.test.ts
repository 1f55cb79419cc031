import { describe, expect, it } from 'vitest';
import { createEngine, type Metric, type Series } from '../../promql/index.js';
import { parseRuleFile } from '../load/load-rule-file.js';
import { TestSeriesStore } from '../rule-tests/test-series-store.js';
import { RuleGroupEvaluator } from './rule-group-evaluator.js';

const MIN = 60_000;
const engine = createEngine();

function setup(rules: string, input: [Metric, number[]][], context: { externalLabels?: Metric; externalUrl?: string } = {}) {
  const [group] = parseRuleFile(`groups:\n  - name: g\n${rules}`, 'rules.yml');
  if (!group) throw new Error('no group');
  const store = new TestSeriesStore();
  for (const [metric, values] of input) values.forEach((v, i) => store.load(metric, { t: i * MIN, v }));
  const evaluator = new RuleGroupEvaluator(group, { engine, source: store, sink: store, externalLabels: context.externalLabels ?? {}, externalUrl: context.externalUrl ?? '' });
  return { group, store, evaluator };
}

async function seriesOf(store: TestSeriesStore, name: string): Promise<Series[]> {
  return store.select([{ name: '__name__', op: '=', value: name }], 0, 60 * MIN);
}

describe('RuleGroupEvaluator', () => {
  it('runs rules in order, so a rule sees what an earlier rule recorded at the same time', async () => {
    const { store, evaluator } = setup(
      `    rules:
      - record: job:x:sum
        expr: sum by (job) (x)
      - record: job:x:double
        expr: job:x:sum * 2
        labels: { kind: derived }
`,
      [[{ __name__: 'x', job: 'a', i: '1' }, [1]], [{ __name__: 'x', job: 'a', i: '2' }, [2]]],
    );
    const outcomes = await evaluator.evaluate(0);
    expect(outcomes.map((o) => o.error)).toEqual([undefined, undefined]);
    expect(await seriesOf(store, 'job:x:double')).toEqual([{ metric: { __name__: 'job:x:double', job: 'a', kind: 'derived' }, points: [{ t: 0, v: 6 }] }]);
  });

  it('writes a staleness marker for a recorded series the rule stops returning', async () => {
    const { store, evaluator } = setup(`    rules:\n      - record: y\n        expr: x > 1\n`, [[{ __name__: 'x' }, [2, 0]]]);
    await evaluator.evaluate(0);
    await evaluator.evaluate(MIN);
    const [series] = await seriesOf(store, 'y');
    expect(series?.points).toEqual([{ t: 0, v: 2 }, { t: MIN, v: NaN, stale: true }]);
  });

  it('reports a rule whose result has duplicate label sets, and keeps evaluating the others', async () => {
    const { evaluator } = setup(
      `    rules:
      - record: y
        expr: x
        labels: { i: same }
      - record: z
        expr: vector(1)
`,
      [[{ __name__: 'x', i: '1' }, [1]], [{ __name__: 'x', i: '2' }, [1]]],
    );
    const outcomes = await evaluator.evaluate(0);
    expect(outcomes.map((o) => [o.rule.name, o.error])).toEqual([
      ['y', 'vector contains metrics with the same labelset after applying rule labels'],
      ['z', undefined],
    ]);
  });

  it('reports an expression that is not a vector or scalar', async () => {
    const { evaluator } = setup(`    rules:\n      - record: y\n        expr: '"text"'\n`, []);
    expect((await evaluator.evaluate(0))[0]?.error).toBe('rule result is not a vector or scalar');
  });

  it('writes ALERTS and ALERTS_FOR_STATE for pending and firing alerts, with rendered labels', async () => {
    const { store, evaluator, group } = setup(
      `    rules:
      - alert: High
        expr: x > 1
        for: 1m
        labels: { severity: '{{ if gt $value 5.0 }}page{{ else }}ticket{{ end }}', region: '{{ $externalLabels.region }}' }
        annotations: { summary: '{{ $labels.job }} at {{ $value }} ({{ $externalURL }})' }
`,
      [[{ __name__: 'x', job: 'api' }, [2, 3, 4]]],
      { externalLabels: { region: 'eu' }, externalUrl: 'http://prom' },
    );
    for (const t of [0, MIN, 2 * MIN]) await evaluator.evaluate(t);
    const alerts = await seriesOf(store, 'ALERTS');
    expect(alerts.map((s) => [s.metric.alertstate, s.points.map((p) => p.t)])).toEqual([
      ['pending', [0, MIN]],
      ['firing', [MIN, 2 * MIN]],
    ]);
    expect(alerts[0]?.metric).toEqual({ __name__: 'ALERTS', alertname: 'High', alertstate: 'pending', job: 'api', severity: 'ticket', region: 'eu' });
    expect((await seriesOf(store, 'ALERTS_FOR_STATE'))[0]?.points.map((p) => p.v)).toEqual([0, 0, 0]);
    const rule = group.rules[0];
    if (!rule) throw new Error('no rule');
    expect(evaluator.alertState(rule)?.firing()).toMatchObject([{ annotations: { summary: 'api at 4 (http://prom)' }, value: 4 }]);
  });

  it('fails an alerting rule that exceeds the group limit and forgets its alerts', async () => {
    const { evaluator, group } = setup(`    limit: 1\n    rules:\n      - alert: A\n        expr: x\n`, [
      [{ __name__: 'x', i: '1' }, [1]],
      [{ __name__: 'x', i: '2' }, [1]],
    ]);
    const [outcome] = await evaluator.evaluate(0);
    expect(outcome?.error).toBe('exceeded limit of 1 with 2 alerts');
    expect(evaluator.alertState(group.rules[0] as never)?.all()).toEqual([]);
  });

  it('refuses alerts whose labels collide once the metric name is dropped', async () => {
    const { evaluator } = setup(`    rules:\n      - alert: A\n        expr: '{__name__=~"a|b"}'\n`, [
      [{ __name__: 'a' }, [1]],
      [{ __name__: 'b' }, [1]],
    ]);
    expect((await evaluator.evaluate(0))[0]?.error).toBe('vector contains metrics with the same labelset after applying alert labels');
  });
});
