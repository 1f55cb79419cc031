import { describe, expect, it } from 'vitest';
import { parseSize } from './size-parser.js';

describe('parseSize', () => {
  it.each([
    ['512B', 512],
    ['10KB', 10_000],
    ['1MiB', 1_048_576],
    ['2GB', 2_000_000_000],
    ['1GiB', 1_073_741_824],
    ['1kib', 1_024],
    ['1.5KiB', 1_536],
    ['0B', 0],
  ])('reads %j as %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(['10', '10XB', '-1KB', 'KB', '1 MiBs'])('rejects %j', (text) => {
    expect(() => parseSize(text)).toThrow(`expected a size like "1MiB" or "500KB", got ${JSON.stringify(text)}`);
  });
});
