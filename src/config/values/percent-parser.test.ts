import { describe, expect, it } from 'vitest';
import { parsePercent } from './percent-parser.js';

describe('parsePercent', () => {
  it.each([
    ['99.5%', 0.995],
    ['99.9%', 0.999],
    ['100%', 1],
    ['0%', 0],
    ['50 %', 0.5],
  ])('reads %j as %d', (text, value) => {
    expect(parsePercent(text)).toBe(value);
  });

  it.each(['99.5', '101%', '-1%', '%', 'abc%'])('rejects %j', (text) => {
    expect(() => parsePercent(text)).toThrow(`expected a percentage like "99.5%", got ${JSON.stringify(text)}`);
  });
});
