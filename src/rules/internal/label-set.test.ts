import { describe, expect, it } from 'vitest';
import { compareGoStrings, compareLabelSets, formatLabelSet, labelSetKey, withoutEmpty } from './label-set.js';

describe('label sets', () => {
  it('prints label sets as Prometheus does, names sorted and values Go-quoted', () => {
    expect(formatLabelSet({ job: 'api', __name__: 'up', path: 'a"b\\c\n' })).toBe('{__name__="up", job="api", path="a\\"b\\\\c\\n"}');
    expect(formatLabelSet({})).toBe('{}');
  });

  it('orders strings by UTF-8 bytes, so astral characters sort after the rest of Unicode', () => {
    expect(compareGoStrings('a', 'b')).toBeLessThan(0);
    expect(compareGoStrings('Z', 'a')).toBeLessThan(0);
    expect(compareGoStrings('\uffff', '😀')).toBeLessThan(0);
    expect(compareGoStrings('ab', 'a')).toBeGreaterThan(0);
  });

  it('compares label sets pair by pair, then by size', () => {
    expect(compareLabelSets({ a: '1' }, { a: '2' })).toBeLessThan(0);
    expect(compareLabelSets({ a: '1', b: '1' }, { a: '1' })).toBeGreaterThan(0);
    expect(compareLabelSets({ b: '1' }, { a: '9', c: '1' })).toBeGreaterThan(0);
    expect(compareLabelSets({ a: '1' }, { a: '1' })).toBe(0);
  });

  it('keys equal sets equally whatever the property order, and drops empty values on request', () => {
    expect(labelSetKey({ a: '1', b: '2' })).toBe(labelSetKey({ b: '2', a: '1' }));
    expect(labelSetKey({ a: '1' })).not.toBe(labelSetKey({ a: '1', b: '' }));
    expect(withoutEmpty({ a: '1', b: '' })).toEqual({ a: '1' });
  });
});
