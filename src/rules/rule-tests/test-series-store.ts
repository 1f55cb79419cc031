import { PromqlEvalError } from '../../errors.js';
import { MemoryQueryable, type Metric, type Point, type Queryable, type Series } from '../../promql/index.js';
import type { LabelMatcher } from '../../tsdb/index.js';
import { labelSetKey } from '../internal/label-set.js';
import type { RuleSampleSink } from '../rule-sample-sink.js';

/**
 * The storage of one rule test, with the append rules of Prometheus's TSDB head that
 * promtool's tests run on: per series, samples only move forward in time; a second
 * sample at the newest time is refused when its value differs and ignored when equal.
 * Input series are loaded leniently (a refused sample is dropped, as promtool's loader
 * drops it), rule results strictly (the rule fails with the TSDB's error).
 */
export class TestSeriesStore implements Queryable, RuleSampleSink {
  private readonly memory = new MemoryQueryable();
  private readonly newest = new Map<string, Point>();

  /** Adds an input sample; one that the TSDB would refuse is silently dropped. */
  load(metric: Metric, point: Point): void {
    if (this.check(metric, point) === 'append') this.store(metric, point);
  }

  /** Adds a rule result; throws `PromqlEvalError` with the TSDB's message when it is refused. */
  append(metric: Metric, point: Point): void {
    const verdict = this.check(metric, point);
    if (verdict === 'out-of-order') throw new PromqlEvalError('out of order sample');
    if (verdict === 'duplicate') throw new PromqlEvalError('duplicate sample for timestamp');
    if (verdict === 'append') this.store(metric, point);
  }

  select(matchers: readonly LabelMatcher[], mint: number, maxt: number): Promise<Series[]> {
    return this.memory.select(matchers, mint, maxt);
  }

  private check(metric: Metric, point: Point): 'append' | 'same' | 'duplicate' | 'out-of-order' {
    const last = this.newest.get(labelSetKey(metric));
    if (!last || point.t > last.t) return 'append';
    if (point.t < last.t) return 'out-of-order';
    return sameValue(last, point) ? 'same' : 'duplicate';
  }

  private store(metric: Metric, point: Point): void {
    this.newest.set(labelSetKey(metric), point);
    this.memory.append(metric, point);
  }
}

/** Equal as float bits: a staleness marker differs from every value, NaN equals NaN. */
function sameValue(a: Point, b: Point): boolean {
  if (Boolean(a.stale) !== Boolean(b.stale)) return false;
  return a.stale === true || Object.is(a.v, b.v) || (Number.isNaN(a.v) && Number.isNaN(b.v));
}
