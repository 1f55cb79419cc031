import { beforeAll, describe, expect, it } from 'vitest';
import { PromqlEvalError } from '../../errors.js';
import { MemoryQueryable } from '../memory-queryable.js';
import { parseExpr } from '../parse/parse-expr.js';
import { createEngine } from './create-engine.js';
import { load, MINUTE, vectorAt } from './internal/testing/engine-fixture.js';

// The engine with guardia's function table; expectations from promtool 2.42 on the same
// series (15 s apart, promtool's `0+7x40` notation).
const engine = createEngine();
const source = new MemoryQueryable();
const AT = 10 * MINUTE;
const at = (expr: string) => vectorAt(engine, source, expr, AT);

beforeAll(() => {
  load(source, { __name__: 'c', job: 'api', i: '1' }, '0+7x40', 15_000);
  load(source, { __name__: 'c', job: 'api', i: '2' }, '3+1.3x40', 15_000);
  load(source, { __name__: 'c', job: 'db', i: '1' }, '100 50 60+2.5x38', 15_000);
});

const api1 = { i: '1', job: 'api' };
const api2 = { i: '2', job: 'api' };
const db1 = { i: '1', job: 'db' };

describe('function calls', () => {
  it('evaluates range functions bit for bit as Prometheus', async () => {
    expect(await at('rate(c[5m])')).toEqual([[api1, 0.4666666666666667], [db1, 0.16666666666666669], [api2, 0.08666666666666652]]);
    expect(await at('sum by (job) (increase(c[2m]))')).toEqual([[{ job: 'api' }, 66.39999999999998], [{ job: 'db' }, 20]]);
  });

  it('keeps the metric name where the function does', async () => {
    expect(await at('last_over_time(c{job="db"}[1m])')).toEqual([[{ __name__: 'c', ...db1 }, 155]]);
    expect(await at('label_replace(c, "x", "$1", "job", "(.*)")')).toEqual([
      [{ __name__: 'c', ...api1, x: 'api' }, 280],
      [{ __name__: 'c', ...db1, x: 'db' }, 155],
      [{ __name__: 'c', ...api2, x: 'api' }, 54.999999999999964],
    ]);
  });

  it('rejects a function result with two samples of the same label set', async () => {
    const error = await engine.instantQuery(source, parseExpr('label_replace(c, "i", "", "i", ".*")'), AT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromqlEvalError);
    expect((error as Error).message).toBe('vector cannot contain metrics with the same labelset');
  });

  it('passes scalars between functions and operators', async () => {
    expect(await engine.instantQuery(source, parseExpr('scalar(c{job="db"})'), AT)).toEqual({ type: 'scalar', t: AT, v: 155 });
    expect(await engine.instantQuery(source, parseExpr('scalar(c)'), AT)).toEqual({ type: 'scalar', t: AT, v: NaN });
    expect(await at('c - scalar(c{job="db"})')).toEqual([[api1, 125], [db1, 0], [api2, -100.00000000000003]]);
    expect(await at('vector(time()) + 1')).toEqual([[{}, 601]]);
  });

  it('reads absent() labels from the selector', async () => {
    expect(await at('absent(nope{job="x"})')).toEqual([[{ job: 'x' }, 1]]);
    expect(await at('absent(c)')).toEqual([]);
  });

  it('reports the own time of an offset selector in timestamp()', async () => {
    expect(await at('timestamp(c{job="db"} offset 1m)')).toEqual([[db1, 540]]);
  });

  it('composes functions, arithmetic and a filtering comparison', async () => {
    expect(await at('round(rate(c[5m]) * 60, 0.1) > 10')).toEqual([[api1, 28]]);
  });
});
