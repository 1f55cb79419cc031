import { describe, expect, it } from 'vitest';
import { parseSeriesValues } from './series-values-parser.js';

// Expansions checked against promtool 2.42 (queried at each interval).
describe('parseSeriesValues', () => {
  it.each([
    ['1 2 3', [1, 2, 3]],
    ['1+1x3', [1, 2, 3, 4]],
    ['1-1x2', [1, 0, -1]],
    ['5x2', [5, 5, 5]],
    ['1x0', [1]],
    ['1+1x0', [1]],
    ['_', [undefined]],
    ['_x3', [undefined, undefined, undefined]],
    ['_x0', []],
    ['stale', ['stale']],
    ['1 _ stale 4', [1, undefined, 'stale', 4]],
    ['1+1e1x2', [1, 11, 21]],
    ['+3 .5 5. 1e3 1E3', [3, 0.5, 5, 1000, 1000]],
    ['0x10', new Array(11).fill(0)],
    ['', []],
    ['  1   2  ', [1, 2]],
  ])('expands %j', (text, expected) => {
    expect(parseSeriesValues(text)).toEqual(expected);
  });

  it('keeps negative zero and reads Inf and NaN in any case', () => {
    const slots = parseSeriesValues('-0 inf +Inf -inf nan NaN') as number[];
    expect(Object.is(slots[0], -0)).toBe(true);
    expect(slots.slice(1, 4)).toEqual([Infinity, Infinity, -Infinity]);
    expect(slots.slice(4).every(Number.isNaN)).toBe(true);
  });

  it('adds the increment step by step, so float rounding matches Prometheus', () => {
    expect(parseSeriesValues('1.5+0.1x3')).toEqual([1.5, 1.6, 1.7000000000000002, 1.8000000000000003]);
  });

  it.each([['0x1f', 0], ['1_000', 0], ['0b1', 0], ['1e', 0], ['abc', 0], ['1 1+-1x2', 2], ['1--1x2', 0], ['stalex2', 0], ['Infx2', 0], ['1+1x2.5', 0], ['1x-1', 0], ['1 + 1 x 2', 2]])(
    'refuses %j and says where',
    (text, offset) => {
      expect(() => parseSeriesValues(text)).toThrow(expect.objectContaining({ offset, message: expect.stringContaining('in series values') }));
    },
  );

  it('refuses a repetition that would fill memory', () => {
    expect(() => parseSeriesValues('1x100000000')).toThrow('more than');
    expect(() => parseSeriesValues('_x100000000')).toThrow('more than');
  });
});
