import { describe, expect, it } from 'vitest';
import { scanQuoted } from './string-literal.js';

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
