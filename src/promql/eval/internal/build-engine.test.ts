import { describe, expect, it } from 'vitest';
import { InvalidRequestError, PromqlEvalError } from '../../../errors.js';
import type { FnArg, FnContext, FunctionImpl } from '../../functions/function-def.js';
import { MemoryQueryable } from '../../memory-queryable.js';
import { parseExpr } from '../../parse/parse-expr.js';
import type { Queryable } from '../../queryable.js';
import type { LabelMatcher } from '../../../tsdb/index.js';
import type { Series } from '../../values.js';
import { buildEngine, DEFAULT_LOOKBACK_MS } from './build-engine.js';
import { load, MINUTE } from './testing/engine-fixture.js';

function fixture(): MemoryQueryable {
  const source = new MemoryQueryable();
  for (const i of ['1', '2', '3']) load(source, { __name__: 'm', i }, '1 2 3 4 5');
  return source;
}

/** A source that records its calls and answers them only when told to. */
class RecordingSource implements Queryable {
  readonly calls: { matchers: readonly LabelMatcher[]; mint: number; maxt: number }[] = [];
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly inner: Queryable) {}

  async select(matchers: readonly LabelMatcher[], mint: number, maxt: number): Promise<Series[]> {
    this.calls.push({ matchers, mint, maxt });
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.inner.select(matchers, mint, maxt);
  }

  release(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

describe('buildEngine', () => {
  it('reads each selector once, in parallel, over the widest window the query needs', async () => {
    const source = new RecordingSource(fixture());
    const engine = buildEngine(new Map([['count_over_time', () => []]]));
    const query = engine.rangeQuery(source, parseExpr('m offset 1m + on(i) count_over_time(m{i="1"}[2m] offset -30s)'), 10 * MINUTE, 20 * MINUTE, MINUTE);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.calls.map((c) => [c.mint, c.maxt])).toEqual([
      [10 * MINUTE - MINUTE - DEFAULT_LOOKBACK_MS, 20 * MINUTE - MINUTE],
      [10 * MINUTE + 30_000 - 2 * MINUTE, 20 * MINUTE + 30_000],
    ]);
    expect(source.calls[1]?.matchers).toContainEqual({ name: 'i', op: '=', value: '1' });
    source.release();
    await query;
    expect(source.calls).toHaveLength(2);
  });

  it('passes range arguments with their window and the call to the function', async () => {
    const seen: { args: readonly FnArg[]; ctx: FnContext }[] = [];
    const spy: FunctionImpl = (args, ctx) => (seen.push({ args, ctx }), []);
    const engine = buildEngine(new Map([['quantile_over_time', spy]]));
    const expr = parseExpr('quantile_over_time(0.5, m{i="2"}[90s] offset 1m)');
    await engine.instantQuery(fixture(), expr, 4 * MINUTE);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.ctx).toEqual({ t: 4 * MINUTE, call: expr });
    expect(seen[0]?.args).toEqual([
      { type: 'scalar', v: 0.5 },
      {
        type: 'matrix',
        rangeStart: 90_000,
        rangeEnd: 3 * MINUTE,
        matrix: [{ metric: { __name__: 'm', i: '2' }, points: [{ t: 2 * MINUTE, v: 3 }, { t: 3 * MINUTE, v: 4 }] }],
      },
    ]);
  });

  it('refuses a function missing from its table, naming it', async () => {
    const engine = buildEngine(new Map());
    await expect(engine.instantQuery(fixture(), parseExpr('abs(m)'), 0)).rejects.toThrow(new PromqlEvalError('function "abs" is not implemented; use one of the supported PromQL functions'));
  });

  it('rejects a function result with two samples of the same label set', async () => {
    const engine = buildEngine(new Map([['abs', (_args, ctx) => [{ metric: { a: '1' }, t: ctx.t, v: 1 }, { metric: { a: '1' }, t: ctx.t, v: 2 }]]]));
    await expect(engine.instantQuery(fixture(), parseExpr('abs(m)'), 0)).rejects.toThrow(new PromqlEvalError('vector cannot contain metrics with the same labelset'));
  });

  it('stops a query that holds more samples than maxSamples', async () => {
    const engine = buildEngine(new Map(), { maxSamples: 5 });
    const source = fixture();
    expect(await engine.instantQuery(source, parseExpr('m'), 0)).toMatchObject({ type: 'vector' });
    await expect(engine.instantQuery(source, parseExpr('m + m'), 0)).rejects.toThrow(/would load too many samples into memory.*limit 5/);
    await expect(engine.instantQuery(source, parseExpr('m[2m]'), 2 * MINUTE)).rejects.toThrow(PromqlEvalError);
  });

  it('counts the rows a range query keeps across steps', async () => {
    const engine = buildEngine(new Map(), { maxSamples: 7 });
    const source = fixture();
    expect(await engine.rangeQuery(source, parseExpr('m{i="1"}'), 0, 4 * MINUTE, MINUTE)).toHaveLength(1);
    await expect(engine.rangeQuery(source, parseExpr('m'), 0, 4 * MINUTE, MINUTE)).rejects.toThrow(PromqlEvalError);
  });

  it.each([
    [{ lookbackMs: 0 }, 'lookbackMs'],
    [{ lookbackMs: -1 }, 'lookbackMs'],
    [{ maxSamples: Number.NaN }, 'maxSamples'],
  ])('refuses the option %o', (options, name) => {
    expect(() => buildEngine(new Map(), options)).toThrow(InvalidRequestError);
    expect(() => buildEngine(new Map(), options)).toThrow(name);
  });
});
