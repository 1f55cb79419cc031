import { beforeAll, describe, expect, it } from 'vitest';
import { PromqlEvalError } from '../../errors.js';
import { MemoryQueryable } from '../memory-queryable.js';
import { parseExpr } from '../parse/parse-expr.js';
import type { Metric } from '../values.js';
import { createEngine } from './create-engine.js';
import { load, vectorAt } from './internal/testing/engine-fixture.js';

// Every expectation here was first checked with promtool 2.42 on the same series.
const engine = createEngine();
const source = new MemoryQueryable();

const api1 = { job: 'api', instance: '1' };
const api2 = { job: 'api', instance: '2' };
const db1 = { job: 'db', instance: '1' };
const named = (name: string, labels: Record<string, string>): Metric => ({ __name__: name, ...labels });

beforeAll(() => {
  load(source, named('a', api1), '10');
  load(source, named('a', api2), '20');
  load(source, named('a', db1), '30');
  load(source, named('b', api1), '2');
  load(source, named('b', api2), '0');
  load(source, named('b', db1), '-4');
  load(source, named('c', { job: 'api' }), '100');
  load(source, named('c', { job: 'db' }), '300');
  load(source, named('info', { job: 'api', version: 'v1' }), '1');
  load(source, named('info', { job: 'db', version: 'v2' }), '1');
  load(source, named('dup', { job: 'api', x: '1' }), '1');
  load(source, named('dup', { job: 'api', x: '2' }), '2');
  load(source, named('n', { job: 'api' }), 'NaN');
});

async function scalar(expr: string): Promise<number> {
  const value = await engine.instantQuery(source, parseExpr(expr), 0);
  if (value.type !== 'scalar') throw new Error(`expected a scalar, got ${value.type}`);
  return value.v;
}

const at0 = (expr: string) => vectorAt(engine, source, expr, 0);

async function failure(expr: string): Promise<PromqlEvalError> {
  const error = await engine.instantQuery(source, parseExpr(expr), 0).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PromqlEvalError);
  return error as PromqlEvalError;
}

describe('scalar operators', () => {
  it.each([
    ['%', 7, -3, 1],
    ['%', -7, 3, -1],
    ['%', 5.5, 2, 1.5],
    ['^', 2, 10, 1024],
    ['/', 1, 0, Infinity],
    ['/', -1, 0, -Infinity],
    ['+', 0.1, 0.2, 0.30000000000000004],
    ['atan2', 1, -1, 2.356194490192345],
  ] as const)('computes %s like Go (%d, %d)', async (op, l, r, expected) => {
    expect(await scalar(`${l} ${op} ${r}`)).toBe(expected);
  });

  it('gives NaN for 0 / 0 and 0 or 1 for a bool comparison', async () => {
    expect(await scalar('0 / 0')).toBeNaN();
    expect(await scalar('5 > bool 3')).toBe(1);
    expect(await scalar('3 > bool 5')).toBe(0);
  });
});

describe('vector and scalar', () => {
  it('drops the metric name after arithmetic, on either side', async () => {
    expect(await at0('a * 2')).toEqual([[api1, 20], [db1, 60], [api2, 40]]);
    expect(await at0('2 ^ b')).toEqual([[api1, 4], [db1, 0.0625], [api2, 1]]);
    expect(await at0('a % 7')).toEqual([[api1, 3], [db1, 2], [api2, 6]]);
  });

  it('filters with a comparison, keeping the name and the vector value on either side', async () => {
    const kept = [[named('a', db1), 30], [named('a', api2), 20]];
    expect(await at0('a > 15')).toEqual(kept);
    expect(await at0('15 < a')).toEqual(kept);
  });

  it('returns 0 or 1 without the name for a bool comparison', async () => {
    expect(await at0('a > bool 15')).toEqual([[api1, 0], [db1, 1], [api2, 1]]);
  });

  it('divides by zero into ±Inf and NaN', async () => {
    expect(await at0('b / 0')).toEqual([[api1, Infinity], [db1, -Infinity], [api2, NaN]]);
  });

  it('keeps the metric name after atan2 (2.x drops it only for + - * / % ^)', async () => {
    expect(await at0('a atan2 2')).toEqual([
      [named('a', api1), 1.3734007669450157],
      [named('a', db1), 1.5042281630190728],
      [named('a', api2), 1.4711276743037345],
    ]);
  });

  it('rejects two results with the same label set once the name is dropped', async () => {
    expect((await failure('{__name__=~"a|b"} * 1')).message).toBe('vector cannot contain metrics with the same labelset');
    expect(await at0('{__name__=~"a|b"} > 1')).toHaveLength(4);
  });

  it('drops NaN from a filtering comparison but compares it with bool', async () => {
    expect(await at0('n == n')).toEqual([]);
    expect(await at0('n != bool n')).toEqual([[{ job: 'api' }, 1]]);
  });
});

describe('vector and vector, one-to-one', () => {
  it('matches on all labels but the name by default', async () => {
    expect(await at0('a + b')).toEqual([[api1, 12], [db1, 26], [api2, 20]]);
    expect(await at0('a atan2 b')).toEqual([
      [named('a', api1), 1.3734007669450157],
      [named('a', db1), 1.7033478590915705],
      [named('a', api2), 1.5707963267948966],
    ]);
  });

  it('keeps only the on() labels in the result, even for a filtering comparison', async () => {
    expect(await at0('a - on(job, instance) b')).toEqual([[api1, 8], [db1, 34], [api2, 20]]);
    expect(await at0('a > on(job, instance) b')).toEqual([[api1, 10], [db1, 30], [api2, 20]]);
  });

  it('keeps the left-hand metric, name included, for a filtering comparison', async () => {
    expect(await at0('a > b')).toEqual([[named('a', api1), 10], [named('a', db1), 30], [named('a', api2), 20]]);
    expect(await at0('a == bool b')).toEqual([[api1, 0], [db1, 0], [api2, 0]]);
  });

  it('drops the name for bool even when on() lists it', async () => {
    expect(await at0('a == bool on(job, instance, __name__) a')).toEqual([[api1, 1], [db1, 1], [api2, 1]]);
  });

  it('requires group_left/group_right when the left side has several matches', async () => {
    for (const expr of ['a / ignoring(instance) c', 'a + on(job) c']) {
      expect((await failure(expr)).message).toBe('multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)');
    }
  });

  it('names the match group and the series when the right side is not unique', async () => {
    expect((await failure('c + on(job) a')).message).toBe(
      'found duplicate series for the match group {job="api"} on the right hand-side of the operation: ' +
        '[{__name__="a", instance="2", job="api"}, {__name__="a", instance="1", job="api"}]' +
        ';many-to-many matching not allowed: matching labels must be unique on one side',
    );
    expect((await failure('a / on(__name__) a')).message).toMatch(/^found duplicate series for the match group \{__name__="a"\} on the right/);
  });

  it('returns nothing when either side is empty', async () => {
    expect(await at0('a + missing')).toEqual([]);
    expect(await at0('missing + a')).toEqual([]);
  });
});

describe('vector and vector, group_left and group_right', () => {
  it('keeps the many side labels and copies include labels from the one side', async () => {
    expect(await at0('a / ignoring(instance) group_left c')).toEqual([[api1, 0.1], [db1, 0.1], [api2, 0.2]]);
    expect(await at0('a * on(job) group_left(version) info')).toEqual([
      [{ ...api1, version: 'v1' }, 10],
      [{ ...db1, version: 'v2' }, 30],
      [{ ...api2, version: 'v1' }, 20],
    ]);
    expect(await at0('info * on(job) group_left(instance) a{instance="1"}')).toEqual([
      [{ ...api1, version: 'v1' }, 10],
      [{ ...db1, version: 'v2' }, 30],
    ]);
  });

  it('removes an include label the one side lacks', async () => {
    expect(await at0('a * on(job) group_left(nope) info')).toEqual([[api1, 10], [db1, 30], [api2, 20]]);
  });

  it('matches everything with on()', async () => {
    expect(await at0('a * on() group_left c{job="api"}')).toEqual([[api1, 1000], [db1, 3000], [api2, 2000]]);
  });

  it('swaps sides for group_right, computing lhs op rhs', async () => {
    expect(await at0('c / on(job) group_right a')).toEqual([[api1, 10], [db1, 10], [api2, 5]]);
  });

  it('filters many-to-one comparisons keeping the many side metric, with the left-hand value', async () => {
    expect(await at0('a > on(job) group_left c')).toEqual([]);
    expect(await at0('a > ignoring(instance) group_left c - 95')).toEqual([
      [named('a', api1), 10],
      [named('a', api2), 20],
    ]);
    expect(await at0('c > on(job) group_right a')).toEqual([[named('a', api1), 100], [named('a', db1), 300], [named('a', api2), 100]]);
  });

  it('rejects a one side with duplicates, naming that side', async () => {
    expect((await failure('a * on(job) group_left dup')).message).toBe(
      'found duplicate series for the match group {job="api"} on the right hand-side of the operation: ' +
        '[{__name__="dup", job="api", x="2"}, {__name__="dup", job="api", x="1"}]' +
        ';many-to-many matching not allowed: matching labels must be unique on one side',
    );
    expect((await failure('dup / on(job) group_right a')).message).toMatch(/on the left hand-side of the operation/);
  });

  it('rejects many side results that collide', async () => {
    expect((await failure('{__name__=~"a|b"} + on(job) group_left c')).message).toBe(
      'multiple matches for labels: grouping labels must ensure unique matches',
    );
  });
});

describe('set operators', () => {
  const nameA = (labels: Record<string, string>, v: number): [Metric, number] => [named('a', labels), v];
  const allA = [nameA(api1, 10), nameA(db1, 30), nameA(api2, 20)];

  it('and keeps left samples with a match, matching on all labels but the name by default', async () => {
    expect(await at0('a and b')).toEqual(allA);
    expect(await at0('a and on(job) c')).toEqual(allA);
    expect(await at0('a and on(instance) info')).toEqual([]);
    expect(await at0('a and missing')).toEqual([]);
  });

  it('or adds right samples whose match group the left lacks', async () => {
    expect(await at0('a or c')).toEqual([...allA, [named('c', { job: 'api' }), 100], [named('c', { job: 'db' }), 300]]);
    expect(await at0('a or b')).toEqual(allA);
    expect(await at0('b or a')).toEqual([[named('b', api1), 2], [named('b', db1), -4], [named('b', api2), 0]]);
    expect(await at0('missing or a')).toEqual(allA);
  });

  it('unless keeps left samples without a match', async () => {
    expect(await at0('a unless on(job) info{version="v1"}')).toEqual([nameA(db1, 30)]);
    expect(await at0('a unless b')).toEqual([]);
    expect(await at0('a unless missing')).toEqual(allA);
  });
});

describe('unary minus', () => {
  it('negates and drops the name', async () => {
    expect(await at0('-a')).toEqual([[api1, -10], [db1, -30], [api2, -20]]);
  });

  it('rejects two results with the same label set', async () => {
    expect((await failure('-{__name__=~"a|b", job="db"}')).message).toBe('vector cannot contain metrics with the same labelset');
  });
});
