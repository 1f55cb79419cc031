import { describe, expect, it } from 'vitest';
import { unquoteGo, unquoteGoChar, unquotePromql } from './go-unquote.js';

describe('unquotePromql', () => {
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
    expect(unquotePromql(literal)).toBe(value);
  });

  it('reads single quotes as a string and keeps \\r in raw strings, as strutil.Unquote does', () => {
    expect(unquotePromql("'abc'")).toBe('abc');
    expect(unquotePromql('`a\rb`')).toBe('a\rb');
  });

  it.each([String.raw`"\'"`, String.raw`'\"'`, '"a"b"', '"a\nb"', String.raw`"\q"`, String.raw`"\x4"`, String.raw`"\400"`, String.raw`"\uD800"`, '"abc', 'abc'])(
    'refuses %s',
    (literal) => {
      expect(unquotePromql(literal)).toBeUndefined();
    },
  );
});

describe('unquoteGo', () => {
  it('reads double-quoted strings and drops \\r from raw strings, as strconv.Unquote does', () => {
    expect(unquoteGo(String.raw`"a\tb\u00e9"`)).toBe('a\tbé');
    expect(unquoteGo('`a\rb\\n`')).toBe('ab\\n');
  });

  it('takes no single-quoted strings', () => {
    expect(unquoteGo("'abc'")).toBeUndefined();
    expect(unquoteGo(String.raw`"\'"`)).toBeUndefined();
  });
});

describe('unquoteGoChar', () => {
  // Checked against promtool 2.42: {{ '\377' }} {{ '\xff' }} {{ 'é' }} {{ '\u00e9' }} render 255 255 233 233.
  it.each([
    ["'a'", 97],
    [String.raw`'\377'`, 255],
    [String.raw`'\xff'`, 255],
    ["'é'", 233],
    [String.raw`'\u00e9'`, 233],
    [String.raw`'\''`, 39],
    ["'😀'", 0x1f600],
  ])('reads %s as rune %d', (literal, rune) => {
    expect(unquoteGoChar(literal)).toBe(rune);
  });

  it.each(["''", "'ab'", String.raw`'\"'`, '"a"', String.raw`'\400'`])('refuses %s', (literal) => {
    expect(unquoteGoChar(literal)).toBeUndefined();
  });
});
