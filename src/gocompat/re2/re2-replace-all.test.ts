import { describe, expect, it } from 'vitest';
import { compileRe2 } from './compile-re2.js';
import { replaceAllRe2 } from './re2-replace-all.js';

// Expected strings are promtool 2.42's, from `reReplaceAll` in an alert template.
describe('replaceAllRe2', () => {
  it.each([
    ['b*', 'X', 'abc', 'XaXcX'],
    ['a|', '-', 'bab', '-b-b-'],
    ['(a+)', '<$1>', 'caaat', 'c<aaa>t'],
    ['(?P<x>a+)', '${x}-$1x-$$', 'caat', 'caa--$t'],
    ['^/dev/(.*)$', '$1', '/dev/sda1', 'sda1'],
    ['', '.', 'é😀', '.é.😀.'],
  ])('replaces %j by %j in %j as Go does', (pattern, template, text, expected) => {
    expect(replaceAllRe2(compileRe2(pattern), text, template)).toBe(expected);
  });
});
