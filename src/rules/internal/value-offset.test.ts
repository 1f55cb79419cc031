import { describe, expect, it } from 'vitest';
import { fileOffsetOfValue } from './value-offset.js';

function locate(file: string, scalar: string, value: string, valueOffset: number): string {
  const start = file.indexOf(scalar);
  const at = fileOffsetOfValue(file, start, start + scalar.length, value, valueOffset);
  return file.slice(at, at + 3);
}

describe('fileOffsetOfValue', () => {
  it('maps a plain scalar one to one', () => {
    expect(locate('expr: sum(up\n', 'sum(up', 'sum(up', 4)).toBe('up\n');
  });

  it('skips the indentation of a block scalar', () => {
    const file = 'expr: |\n  sum by (job) (\n    rate(x[5m]) +\n  )\n';
    const value = 'sum by (job) (\n  rate(x[5m]) +\n)\n';
    expect(locate(file, '|\n  sum by (job) (\n    rate(x[5m]) +\n  )\n', value, value.indexOf('rate'))).toBe('rat');
    expect(locate(file, '|\n  sum by (job) (\n    rate(x[5m]) +\n  )\n', value, value.lastIndexOf(')'))).toBe(')\n');
  });

  it('steps over escapes of a double-quoted scalar', () => {
    const file = 'expr: "a{b=\\"c\\"} + d"\n';
    expect(locate(file, '"a{b=\\"c\\"} + d"', 'a{b="c"} + d', 11)).toBe('d"\n');
  });
});
