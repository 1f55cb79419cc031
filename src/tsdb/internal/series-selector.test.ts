import { describe, expect, it } from 'vitest';
import { SeriesSelector } from './series-selector.js';
import type { LabelMatcher } from '../tsdb.js';

const select = (...matchers: LabelMatcher[]) => new SeriesSelector(matchers);

describe('SeriesSelector', () => {
  it('matches the metric name through __name__ and exposes an equality for index lookups', () => {
    const s = select({ name: '__name__', op: '=', value: 'up' });
    expect(s.name).toBe('up');
    expect(s.matches('up', {})).toBe(true);
    expect(s.matches('upx', {})).toBe(false);
    expect(select({ name: '__name__', op: '=~', value: 'u.' }).name).toBeUndefined();
  });

  it('compares a missing label as the empty string', () => {
    expect(select({ name: 'env', op: '=', value: '' }).matches('m', {})).toBe(true);
    expect(select({ name: 'env', op: '!=', value: '' }).matches('m', {})).toBe(false);
    expect(select({ name: 'env', op: '!=', value: 'prod' }).matches('m', {})).toBe(true);
    expect(select({ name: 'env', op: '=~', value: 'prod|' }).matches('m', {})).toBe(true);
    expect(select({ name: 'env', op: '!~', value: '.+' }).matches('m', {})).toBe(true);
  });

  it('anchors regexes at both ends and, as Prometheus 2.x, keeps . from matching newlines', () => {
    const s = select({ name: 'status', op: '=~', value: '5..' });
    expect(s.matches('m', { status: '503' })).toBe(true);
    expect(s.matches('m', { status: '1503' })).toBe(false);
    expect(s.matches('m', { status: '5031' })).toBe(false);
    expect(select({ name: 'a', op: '=~', value: 'x|y' }).matches('m', { a: 'xy' })).toBe(false);
    expect(select({ name: 'a', op: '=~', value: 'a.b' }).matches('m', { a: 'a\nb' })).toBe(false);
    expect(select({ name: 'a', op: '!~', value: 'x|y' }).matches('m', { a: 'y' })).toBe(false);
  });

  it('supports a leading (?i) and rejects invalid regexes and operators', () => {
    expect(select({ name: 'a', op: '=~', value: '(?i)get' }).matches('m', { a: 'GET' })).toBe(true);
    expect(() => select({ name: 'a', op: '=~', value: '(' })).toThrow(/invalid regular expression/);
    expect(() => select({ name: 'a', op: '~' as never, value: 'x' })).toThrow(/unknown matcher operator/);
  });

  it('reads regexes as RE2, as Prometheus does, not as JavaScript', () => {
    expect(select({ name: 'a', op: '=~', value: 'x(?i)abc' }).matches('m', { a: 'xABC' })).toBe(true);
    expect(select({ name: 'a', op: '=~', value: '(?s)a.b' }).matches('m', { a: 'a\nb' })).toBe(true);
    expect(select({ name: 'a', op: '=~', value: '[[:digit:]]+' }).matches('m', { a: '503' })).toBe(true);
    expect(select({ name: 'a', op: '=~', value: '\\pL+' }).matches('m', { a: 'año' })).toBe(true);
    expect(() => select({ name: 'a', op: '=~', value: '(?=x)x' })).toThrow(/invalid regular expression/);
  });

  it('requires every matcher to hold', () => {
    const s = select({ name: '__name__', op: '=', value: 'up' }, { name: 'env', op: '=', value: 'prod' });
    expect(s.matches('up', { env: 'prod', probe: 'x' })).toBe(true);
    expect(s.matches('up', { env: 'dev' })).toBe(false);
  });
});
