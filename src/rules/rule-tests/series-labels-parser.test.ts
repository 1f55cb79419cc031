import { describe, expect, it } from 'vitest';
import { parseSeriesLabels } from './series-labels-parser.js';

describe('parseSeriesLabels', () => {
  it.each([
    ['up', { __name__: 'up' }],
    ['up{job="api", instance="a:1"}', { __name__: 'up', job: 'api', instance: 'a:1' }],
    ['job:up:sum{job="a",}', { __name__: 'job:up:sum', job: 'a' }],
    ['{__name__="up", job="x"}', { __name__: 'up', job: 'x' }],
    ['{}', {}],
    ['', {}],
    ['  up { job = "a" }  ', { __name__: 'up', job: 'a' }],
    ["x{a='single', b=`raw\\n`, c=\"esc\\\"aped\\n\"}", { __name__: 'x', a: 'single', b: 'raw\\n', c: 'esc"aped\n' }],
    ['x{a=""}', { __name__: 'x', a: '' }],
  ])('reads %j', (text, expected) => {
    expect(parseSeriesLabels(text)).toEqual(expected);
  });

  it.each([
    ['up{job=~"a"}', 6, 'no matchers'],
    ['up{job!="a"}', 6, 'expected "="'],
    ['up{job="a"', 10, 'missing "}"'],
    ['up{job="a" x="b"}', 11, 'expected "," or "}"'],
    ['up{job=a}', 7, 'expected a quoted value'],
    ['up{job="a",job="b"}', 11, 'given twice'],
    ['up x', 3, 'expected a metric name or "{"'],
    ['up{} x', 5, 'after the labels'],
    ['1up', 0, 'expected a metric name'],
    ['up{"a"="b"}', 3, 'expected a label name'],
  ])('refuses %j at offset %d', (text, offset, message) => {
    expect(() => parseSeriesLabels(text)).toThrow(expect.objectContaining({ offset, message: expect.stringContaining(message) }));
  });
});
