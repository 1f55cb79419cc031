import { describe, expect, it } from 'vitest';
import { compileRe2 } from './compile-re2.js';
import { expandRe2Template } from './re2-expand.js';

// The pattern and every expansion below were checked against Prometheus 2.42.
const { regex, groupNames } = compileRe2('^(?:(?P<name>a)(b)-(?P<n1>c)(?P<name2>(d)))$');
const match = regex.exec('ab-cd') as RegExpExecArray;

describe('expandRe2Template', () => {
  it.each([
    ['$1', 'a'],
    ['${1}x', 'ax'],
    ['$1x', ''],
    ['$0', 'ab-cd'],
    ['$2$1', 'ba'],
    ['$1$2$3', 'abc'],
    ['$name', 'a'],
    ['${name}', 'a'],
    ['$n1', 'c'],
    ['${n}${n}', ''],
    ['$name2', 'd'],
    ['$$', '$'],
    ['x$$1', 'x$1'],
    ['$', '$'],
    ['a$', 'a$'],
    ['$ name', '$ name'],
    ['${', '${'],
    ['${1', '${1'],
    ['${}', '${}'],
    ['$10', ''],
    ['$01', ''],
    ['$9999999999', ''],
    ['$_', ''],
    ['$é', ''],
    ['$éx-$name2', '-d'],
    ['${name}é', 'aé'],
  ])('expands %j to %j as Go does', (template, expected) => {
    expect(expandRe2Template(template, match, groupNames)).toBe(expected);
  });

  it('takes the first group of a repeated name that took part in the match', () => {
    const twice = compileRe2('^(?:(?P<x>a)pi|(?P<x>d)b)$');
    expect(expandRe2Template('$x', twice.regex.exec('db') as RegExpExecArray, twice.groupNames)).toBe('d');
  });
});
