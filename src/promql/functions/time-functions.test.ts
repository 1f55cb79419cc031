import { describe, expect, it } from 'vitest';
import { callFunction, vector } from './testing/fn-fixtures.js';

describe('time functions', () => {
  it('time() is the evaluation time in seconds', () => {
    expect(callFunction('time', [], 150_000)).toBe(150);
    expect(callFunction('time', [], 1_700_000_000_123)).toBe(1_700_000_000.123);
  });

  it('timestamp() is each sample’s own time in seconds, name dropped, stamped at evaluation time', () => {
    const samples = vector(60_000, [{ __name__: 's', i: '1' }, 3]);
    expect(callFunction('timestamp', [samples], 90_000)).toEqual([{ metric: { i: '1' }, t: 90_000, v: 60 }]);
  });
});
