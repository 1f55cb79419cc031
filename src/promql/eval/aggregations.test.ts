import { beforeAll, describe, expect, it } from 'vitest';
import { PromqlEvalError } from '../../errors.js';
import { MemoryQueryable } from '../memory-queryable.js';
import { parseExpr } from '../parse/parse-expr.js';
import type { Metric } from '../values.js';
import { createEngine } from './create-engine.js';
import { load, vectorAt } from './internal/testing/engine-fixture.js';

// Values checked with promtool 2.42. promtool loads series in random order, so where the
// result depends on the order (float rounding, ties in topk) guardia's answer is the one
// Prometheus gives for series in label order, which is the order guardia always uses.
const engine = createEngine();
const source = new MemoryQueryable();

const vm = (instance: string, job: string, zone: string): Metric => ({ __name__: 'v', instance, job, zone });
const wm = (instance: string, job: string): Metric => ({ __name__: 'w', instance, job });

beforeAll(() => {
  load(source, vm('1', 'api', 'a'), '1');
  load(source, vm('2', 'api', 'b'), '2.5');
  load(source, vm('3', 'api', 'a'), '4');
  load(source, vm('1', 'db', 'a'), '10');
  load(source, vm('2', 'db', 'b'), '-3');
  load(source, wm('1', 'api'), 'NaN');
  load(source, wm('2', 'api'), '5');
  load(source, wm('3', 'api'), '1');
  load(source, wm('1', 'db'), '7');
  for (const [i, value] of ['5', '5', '5', '3'].entries()) load(source, { __name__: 't', i: String(i + 1) }, value);
  for (const [i, value] of ['Inf', 'Inf', '1', '-Inf'].entries()) load(source, { __name__: 'infs', i: String(i + 1) }, value);
  for (const [i, value] of ['0.1', '0.2', '0.3', '0.7'].entries()) load(source, { __name__: 'f', i: String(i + 1) }, value);
});

const at0 = (expr: string) => vectorAt(engine, source, expr, 0);
const values = async (expr: string) => (await at0(expr)).map(([, value]) => value);

describe('grouping', () => {
  it('aggregates everything into one label-less sample without a clause', async () => {
    expect(await at0('sum(v)')).toEqual([[{}, 14.5]]);
    expect(await at0('count without (job, instance, zone) (v)')).toEqual([[{}, 5]]);
  });

  it('keeps only the by() labels, __name__ included when listed, and ignores absent ones', async () => {
    expect(await at0('sum by (job) (v)')).toEqual([[{ job: 'api' }, 7.5], [{ job: 'db' }, 7]]);
    expect(await at0('sum by (__name__, zone) (v)')).toEqual([[{ __name__: 'v', zone: 'a' }, 15], [{ __name__: 'v', zone: 'b' }, -0.5]]);
    expect(await at0('sum by (nope) (v)')).toEqual([[{}, 14.5]]);
  });

  it('drops the without() labels and the metric name', async () => {
    expect(await at0('sum without (instance) (v)')).toEqual([
      [{ job: 'api', zone: 'a' }, 5],
      [{ job: 'api', zone: 'b' }, 2.5],
      [{ job: 'db', zone: 'a' }, 10],
      [{ job: 'db', zone: 'b' }, -3],
    ]);
    expect(await at0('sum without () (v)')).toHaveLength(5);
    expect((await at0('sum without () (v)'))[0]?.[0]).toEqual({ instance: '1', job: 'api', zone: 'a' });
  });

  it('emits groups in the order their first sample arrives', async () => {
    const value = await engine.instantQuery(source, parseExpr('max by (zone) (v)'), 0);
    expect(value.type === 'vector' && value.vector.map((s) => s.metric)).toEqual([{ zone: 'a' }, { zone: 'b' }]);
  });

  it('feeds its result to further operators', async () => {
    expect(await at0('max by (job) (v) > 3')).toEqual([[{ job: 'api' }, 4], [{ job: 'db' }, 10]]);
  });
});

describe('numeric aggregations', () => {
  it.each([
    ['avg', [2.5, 3.5]],
    ['min', [1, -3]],
    ['max', [4, 10]],
    ['count', [3, 2]],
    ['group', [1, 1]],
    ['stddev', [1.224744871391589, 6.5]],
    ['stdvar', [1.5, 42.25]],
  ] as const)('computes %s by (job) and, alike, without the other labels', async (op, expected) => {
    expect(await values(`${op} by (job) (v)`)).toEqual(expected);
    expect(await at0(`${op} without (instance, zone) (v)`)).toEqual([[{ job: 'api' }, expected[0]], [{ job: 'db' }, expected[1]]]);
  });

  it('sums plainly and averages with an incremental mean, as 2.42 (no Kahan compensation)', async () => {
    expect(await values('sum(f)')).toEqual([1.3]);
    expect(await values('avg(f)')).toEqual([0.325]);
    expect(await values('stdvar(f)')).toEqual([0.051874999999999984]);
    expect(await values('stddev(f)')).toEqual([0.22776083947860742]);
  });

  it('skips NaN in min and max but not in sum', async () => {
    expect(await values('min(w)')).toEqual([1]);
    expect(await values('max(w)')).toEqual([7]);
    expect(await values('max by (job) (w)')).toEqual([5, 7]);
    expect(await values('sum(w)')).toEqual([NaN]);
  });

  it('keeps an infinite mean unless an opposite infinity arrives', async () => {
    expect(await values('avg(infs{i!="4"})')).toEqual([Infinity]);
    expect(await values('avg(infs)')).toEqual([NaN]);
    expect(await values('avg(-infs{i=~"4|3"})')).toEqual([Infinity]);
    expect(await values('stddev(infs)')).toEqual([NaN]);
  });
});

describe('quantile', () => {
  it('interpolates between ranks per group', async () => {
    expect(await values('quantile by (job) (0.5, v)')).toEqual([2.5, 3.5]);
    expect(await values('quantile(0.25, v)')).toEqual([1]);
    expect(await values('quantile(0.9, w)')).toEqual([6.4]);
  });

  it('gives -Inf below 0, +Inf above 1 and NaN for a NaN φ', async () => {
    expect(await values('quantile(-1, v)')).toEqual([-Infinity]);
    expect(await values('quantile(2, v)')).toEqual([Infinity]);
    expect(await values('quantile(NaN, v)')).toEqual([NaN]);
  });

  it('evaluates φ from an expression', async () => {
    expect(await values('quantile(time() / 2, v)')).toEqual([-3]);
  });
});

describe('topk and bottomk', () => {
  it('keeps whole samples, metric name included, best first', async () => {
    const value = await engine.instantQuery(source, parseExpr('topk(2, v)'), 0);
    expect(value).toEqual({ type: 'vector', vector: [{ metric: vm('1', 'db', 'a'), t: 0, v: 10 }, { metric: vm('3', 'api', 'a'), t: 0, v: 4 }] });
    const bottom = await engine.instantQuery(source, parseExpr('bottomk(2, v)'), 0);
    expect(bottom.type === 'vector' && bottom.vector.map((s) => s.v)).toEqual([-3, 1]);
  });

  it('selects per group', async () => {
    expect(await at0('topk by (job) (1, v)')).toEqual([[vm('1', 'db', 'a'), 10], [vm('3', 'api', 'a'), 4]]);
    expect(await values('bottomk by (job) (2, v)')).toEqual([1, 10, 2.5, -3]);
  });

  it('truncates k and returns nothing for k < 1', async () => {
    expect(await values('topk(2.9, v)')).toEqual([10, 4]);
    expect(await at0('topk(0, v)')).toEqual([]);
    expect(await at0('bottomk(-3, v)')).toEqual([]);
  });

  it('prefers numbers to NaN', async () => {
    expect(await at0('topk(1, w)')).toEqual([[wm('1', 'db'), 7]]);
    expect(await at0('bottomk(1, w)')).toEqual([[wm('3', 'api'), 1]]);
    expect(await values('bottomk(3, w)')).toEqual([7, 5, 1]);
  });

  it("breaks ties among equal values as Go's heap does, over series in label order", async () => {
    const ids = async (expr: string) => (await at0(expr)).map(([metric]) => metric.i);
    expect(await ids('topk(1, t)')).toEqual(['1']);
    expect(await ids('topk(2, t)')).toEqual(['1', '2']);
    // The 3 evicts the heap's top, t{i="1"}, and the swap during the pop leaves t{i="2"}.
    expect(await ids('bottomk(2, t)')).toEqual(['2', '4']);
  });

  it('rejects a k that does not fit an int64, as Prometheus words it', async () => {
    for (const [k, text] of [['1e20', '1e+20'], ['NaN', 'NaN']] as const) {
      const error = await engine.instantQuery(source, parseExpr(`topk(${k}, v)`), 0).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PromqlEvalError);
      expect((error as Error).message).toBe(`Scalar value ${text} overflows int64`);
    }
  });
});
