import { describe, expect, it } from 'vitest';
import { PromqlEvalError } from '../../../errors.js';
import { LabelProjection } from './label-projection.js';
import { assertDistinctLabelSets, compareMetrics, dropMetricName, formatMetric, metricKey } from './label-sets.js';

describe('metric keys', () => {
  it('are equal for the same labels in any key order and ignore empty values', () => {
    expect(metricKey({ b: '2', a: '1' })).toBe(metricKey({ a: '1', b: '2', c: '' }));
    expect(metricKey({ a: '1' })).not.toBe(metricKey({ a: '1', b: '2' }));
  });

  it('order metrics as Prometheus compares label sets: name by name, then value, shorter first', () => {
    const metrics: Record<string, string>[] = [{ a: '1', c: '1' }, { a: '1' }, { ab: '0' }, { a: 'x' }, { a: '1', b: '1' }, { a: 'xy' }];
    const sorted = metrics.sort(compareMetrics);
    expect(sorted).toEqual([{ a: '1' }, { a: '1', b: '1' }, { a: '1', c: '1' }, { a: 'x' }, { a: 'xy' }, { ab: '0' }]);
  });
});

describe('dropMetricName', () => {
  it('returns one cached copy without __name__, or the metric itself when it has none', () => {
    const metric = { __name__: 'up', job: 'api' };
    expect(dropMetricName(metric)).toEqual({ job: 'api' });
    expect(dropMetricName(metric)).toBe(dropMetricName(metric));
    const plain = { job: 'api' };
    expect(dropMetricName(plain)).toBe(plain);
  });
});

describe('assertDistinctLabelSets', () => {
  it('throws Prometheus’s error for a repeated label set only', () => {
    expect(() => assertDistinctLabelSets([{ metric: { a: '1' }, t: 0, v: 1 }, { metric: { a: '2' }, t: 0, v: 1 }])).not.toThrow();
    expect(() => assertDistinctLabelSets([{ metric: { a: '1' }, t: 0, v: 1 }, { metric: { a: '1' }, t: 0, v: 2 }])).toThrow(
      new PromqlEvalError('vector cannot contain metrics with the same labelset'),
    );
  });
});

describe('formatMetric', () => {
  it('prints labels sorted and quoted as Go does', () => {
    expect(formatMetric({ job: 'a"b\\c', __name__: 'up', nl: 'x\ny\u0001' })).toBe('{__name__="up", job="a\\"b\\\\c", nl="x\\ny\\x01"}');
    expect(formatMetric({})).toBe('{}');
  });
});

describe('LabelProjection', () => {
  const metric = { __name__: 'up', job: 'api', instance: '1', zone: '' };

  it('keeps only the listed labels when including, __name__ too when listed', () => {
    const on = new LabelProjection(true, ['job', '__name__', 'missing']);
    expect(on.project(metric)).toEqual({ __name__: 'up', job: 'api' });
    expect(on.signature(metric)).toBe(on.signature({ job: 'api', __name__: 'up', instance: '2' }));
  });

  it('drops the listed labels and __name__ when excluding', () => {
    const ignoring = new LabelProjection(false, ['instance']);
    expect(ignoring.project(metric)).toEqual({ job: 'api' });
    expect(ignoring.signature(metric)).toBe(ignoring.signature({ __name__: 'other', job: 'api' }));
    expect(ignoring.signature(metric)).not.toBe(ignoring.signature({ job: 'db' }));
  });
});
