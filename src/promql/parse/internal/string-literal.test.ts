import { describe, expect, it } from 'vitest';
import { scanQuoted, unquoteString } from './string-literal.js';

describe('unquoteString', () => {
  it.each([
    [String.raw`"plain"`, 'plain'],
    [String.raw`"\a\b\f\n\r\t\v\\"`, '\x07\b\f\n\r\t\v\\'],
    [String.raw`'\''`, "'"],
    [String.raw`"\000\377"`, '\u0000\ufffd'],
    [String.raw`"\xe2\x82\xac"`, '€'],
    [String.raw`"\U0010FFFF"`, '\u{10FFFF}'],
    ['`a\\b\n`', 'a\\b\n'],
    ['"é😀"', 'é😀'],
  ])('reads %s', (literal, value) => {
    expect(unquoteString(literal)).toBe(value);
  });
});

describe('scanQuoted', () => {
  it('returns the index after the closing quote', () => {
    expect(scanQuoted('x{a="b\\"c"}', 4)).toBe(10);
  });

  it('refuses a newline inside quotes', () => {
    expect(() => scanQuoted('"a\nb"', 0)).toThrow('unterminated quoted string');
  });

  it('refuses an escape cut by the end of input', () => {
    expect(() => scanQuoted('"\\u12', 0)).toThrow('escape sequence not terminated');
  });
});
