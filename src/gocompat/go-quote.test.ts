import { describe, expect, it } from 'vitest';
import { goQuote, goQuoteRune, goRuneName } from './go-quote.js';

// Expected strings are Go's (promtool 2.42 rendering `printf "%q"` in an alert template).
describe('goQuote', () => {
  it('escapes quotes, backslashes and C escapes, and keeps printable text', () => {
    expect(goQuote('a"b\\c\n\t\x07é😀')).toBe('"a\\"b\\\\c\\n\\t\\aé😀"');
  });

  it('escapes what strconv.IsPrint calls unprintable: controls, other spaces, format and private-use characters', () => {
    expect(goQuote('a\u00a0b\u200bc\u0085d\ue000e\x01\x7f')).toBe('"a\\u00a0b\\u200bc\\u0085d\\ue000e\\x01\\x7f"');
  });
});

describe('goQuoteRune', () => {
  it('quotes a rune, escaping the single quote and unprintable runes', () => {
    expect([0x78, 0x27, 0x22, 0x0a, 0xa0, 0x1f600].map(goQuoteRune)).toEqual(["'x'", "'\\''", `'"'`, "'\\n'", "'\\u00a0'", "'😀'"]);
  });

  it('reads an invalid code point as U+FFFD, as strconv.QuoteRune does', () => {
    expect([0xd800, -1, 0x110000].map(goQuoteRune)).toEqual(["'\ufffd'", "'\ufffd'", "'\ufffd'"]);
  });
});

describe('goRuneName', () => {
  it('names a rune as %#U does, with the rune only when it prints', () => {
    expect([0x71, 0x0a, 0xa0, 0x1f600, 0xd800].map(goRuneName)).toEqual(["U+0071 'q'", 'U+000A', 'U+00A0', "U+1F600 '😀'", 'U+D800']);
  });
});
