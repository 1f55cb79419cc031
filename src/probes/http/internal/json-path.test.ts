import { describe, expect, it } from 'vitest';
import { checkJsonPathCondition } from './json-path-condition.js';
import { parseJsonPath, readJsonPath } from './json-path.js';

const doc = { a: { b: [{ c: 42 }, { 'odd key': 'x' }] }, name: 'api', up: true };

describe('JSON path', () => {
  it('parses dots, indexes and quoted keys', () => {
    expect(parseJsonPath('$')).toEqual([]);
    expect(parseJsonPath('$.a.b[0].c')).toEqual(['a', 'b', 0, 'c']);
    expect(parseJsonPath(`$.a.b[1]["odd key"]`)).toEqual(['a', 'b', 1, 'odd key']);
    expect(parseJsonPath(`$['a']`)).toEqual(['a']);
  });

  it('rejects what it does not support', () => {
    expect(() => parseJsonPath('a.b')).toThrow(/must start with \$/);
    expect(() => parseJsonPath('$..a')).toThrow(/not supported at position 1/);
    expect(() => parseJsonPath('$.a[*]')).toThrow(/not supported/);
  });

  it('reads values and yields undefined for missing steps', () => {
    expect(readJsonPath(doc, '$.a.b[0].c')).toBe(42);
    expect(readJsonPath(doc, '$.a.b[1]["odd key"]')).toBe('x');
    expect(readJsonPath(doc, '$.a.b[5].c')).toBeUndefined();
    expect(readJsonPath(doc, '$.name.length')).toBeUndefined();
    expect(readJsonPath(doc, '$.toString')).toBeUndefined();
  });

  it('explains failed conditions', () => {
    expect(checkJsonPathCondition(doc, { path: '$.a.b[0].c', op: 'lte', value: 40 })).toBe('$.a.b[0].c is 42, expected <= 40');
    expect(checkJsonPathCondition(doc, { path: '$.name', op: 'gt', value: 1 })).toBe('$.name is "api", expected a number > 1');
    expect(checkJsonPathCondition(doc, { path: '$.name', op: 'matches', value: '^web' })).toBe('$.name is "api", expected to match /^web/');
    expect(checkJsonPathCondition(doc, { path: '$.up', op: 'not_equals', value: true })).toBe('$.up is true, expected anything else');
    expect(checkJsonPathCondition(doc, { path: '$.up', op: 'equals', value: true })).toBeUndefined();
    expect(checkJsonPathCondition(doc, { path: '$.name', op: 'exists', value: false })).toBe('$.name is "api", expected it to be absent');
    expect(checkJsonPathCondition(doc, { path: '$.nope', op: 'equals', value: 1 })).toBe('$.nope is missing, expected 1');
    expect(checkJsonPathCondition(doc, { path: '$.name', op: 'matches', value: '(' })).toBe('invalid regex /(/');
  });
});
