import { describe, expect, it } from 'vitest';
import { lex } from './lexer.js';

const kinds = (text: string): string[] => lex(text).map((t) => `${t.kind}:${t.text}`);

describe('lex', () => {
  it('reads keywords in any case and names with colons', () => {
    expect(kinds('SUM BY(a) job:x:rate5m OffSet 5m')).toEqual([
      'aggregator:SUM', 'keyword:BY', 'punctuation:(', 'identifier:a', 'punctuation:)',
      'metric-identifier:job:x:rate5m', 'keyword:OffSet', 'duration:5m',
    ]);
  });

  it('reads every word inside braces as a label name', () => {
    expect(kinds('{on!~"x",inf="y"}')).toEqual([
      'punctuation:{', 'identifier:on', 'operator:!~', 'string:"x"', 'punctuation:,',
      'identifier:inf', 'punctuation:=', 'string:"y"', 'punctuation:}',
    ]);
  });

  it('tells numbers from durations outside brackets', () => {
    expect(kinds('1e3 5m 0x1F Inf .5')).toEqual(['number:1e3', 'duration:5m', 'number:0x1F', 'number:Inf', 'number:.5']);
  });

  it('reads a letter in brackets as the subquery colon, as 2.42 does', () => {
    expect(kinds('x[5m y]')).toEqual(['identifier:x', 'punctuation:[', 'duration:5m', 'punctuation:y', 'punctuation:]']);
  });

  it('skips comments, also inside braces', () => {
    expect(kinds('x{# c\na="b"} # end')).toEqual(['identifier:x', 'punctuation:{', 'identifier:a', 'punctuation:=', 'string:"b"', 'punctuation:}']);
  });

  it('refuses a second left bracket', () => {
    expect(() => lex('x[5m[')).toThrow("unexpected left bracket '['");
  });
});
