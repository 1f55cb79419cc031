import { describe, expect, it } from 'vitest';
import { compileRe2 } from './compile-re2.js';
import { Re2SyntaxError } from './re2-syntax-error.js';

const anchored = (pattern: string) => compileRe2(pattern, { anchored: true }).regex;

// Each row was checked against Prometheus 2.42's label_replace() through promtool.
describe('compileRe2', () => {
  it.each([
    ['a.c', ['abc', 'a.c'], ['a\nc', 'ac']],
    ['(?s)a.b', ['a\nb', 'a.b'], ['ab']],
    ['(?i)abc', ['ABC', 'AbC', 'abc'], ['ab']],
    ['a(?i)bc', ['abc', 'aBC'], ['ABC', 'Abc']],
    ['(?i:A)bc', ['abc', 'Abc'], ['aBC']],
    ['(?i)a(?-i)bc', ['Abc', 'abc'], ['aBC']],
    ['(?i)k', ['k', 'K', '\u212a'], ['x']],
    ['(?i)ß', ['ß', '\u1e9e'], ['ss']],
    ['\\s', [' ', '\t', '\n', '\f', '\r'], ['\v', '\u00a0']],
    ['[[:upper:]]+', ['ABC'], ['AbC']],
    ['[[:^alpha:]]+', ['123', '!?-'], ['a1']],
    ['[]a]+', [']a]', 'aa'], ['b']],
    ['[a-]+', ['a-a'], ['b']],
    ['\\pL+', ['αβγ', 'abc'], ['a1']],
    ['\\p{Greek}+', ['αβγ'], ['abc']],
    ['\\PL+', ['123', '!?-'], ['a']],
    ['x{2}', ['xx'], ['x{2}']],
    ['x{2', ['x{2'], ['xx']],
    ['a{,2}', ['a{,2}'], ['aa']],
    ['\\Qa.b\\E', ['a.b'], ['abb']],
    ['\\x61bc|\\x{62}cd|\\141x|\\0', ['abc', 'bcd', 'ax', '\0'], ['\\x61bc']],
    ['a\\_b|a\\-b', ['a_b', 'a-b'], ['ab']],
    ['(?U)(a+)(a*)', ['aaa'], ['']],
    ['\\Aabc\\z|\\babc\\b', ['abc'], ['abc\n']],
    ['(?m)a$\\n^b', ['a\nb'], ['ab']],
    ['€\\w+', ['€uro'], ['uro']],
  ])('%s matches what RE2 matches', (pattern, matching, notMatching) => {
    const regex = anchored(pattern);
    for (const text of matching) expect(regex.test(text), JSON.stringify(text)).toBe(true);
    for (const text of notMatching) expect(regex.test(text), JSON.stringify(text)).toBe(false);
  });

  it('names capture groups with (?P<name>…), repeated names allowed', () => {
    expect(compileRe2('(?P<host>[^:]+):(\\d+)(?P<host>x)?').groupNames).toEqual([undefined, 'host', undefined, 'host']);
  });

  it.each([
    ['(?<n>a)', /Perl syntax/],
    ['(?=a)', /Perl syntax/],
    ['(?#c)a', /Perl syntax/],
    ['(?P=n)', /Perl syntax/],
    ['(?P<>a)', /named capture/],
    ['(?-)a', /Perl syntax/],
    ['(?i-)a', /Perl syntax/],
    ['\\1', /backreferences/],
    ['\\8', /escape/],
    ['\\Z', /escape/],
    ['\\C', /escape/],
    ['\\', /trailing backslash/],
    ['\\x{110000}', /escape/],
    ['\\xZ1', /escape/],
    ['a**', /nested repetition/],
    ['a++', /nested repetition/],
    ['a{2}{3}', /nested repetition/],
    ['*a', /missing argument/],
    ['x{1001}', /repeat count/],
    ['x{3,2}', /repeat count/],
    ['[z-a]', /class range/],
    ['[[:foo:]]', /class range/],
    ['\\pX', /./],
    ['[a', /missing closing \]/],
    ['(a', /missing closing \)/],
    ['a)', /unexpected \)/],
  ])('rejects %s as Go does', (pattern, message) => {
    expect(() => compileRe2(pattern)).toThrow(Re2SyntaxError);
    expect(() => compileRe2(pattern)).toThrow(message);
  });

  it('treats an unclosed \\Q as quoting the rest, so the anchoring group stays open', () => {
    expect(() => compileRe2('\\Qx{2}', { anchored: true })).toThrow(/missing closing \)/);
  });

  it('quotes the anchored pattern in its errors, as Go does for Prometheus matchers', () => {
    expect(() => compileRe2('(', { anchored: true })).toThrow('missing closing ): `^(?:()$`');
    expect(() => compileRe2('[a', { anchored: true })).toThrow('missing closing ]: `[a)$`');
    expect(() => compileRe2('(?P<é>a)')).toThrow('invalid named capture: `(?P<é>`');
  });
});
