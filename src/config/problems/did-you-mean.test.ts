import { describe, expect, it } from 'vitest';
import { didYouMean, levenshtein } from './did-you-mean.js';

describe('levenshtein', () => {
  it('counts edits', () => {
    expect(levenshtein('evry', 'every')).toBe(1);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
  });
});

describe('didYouMean', () => {
  const keys = ['every', 'timeout', 'retries', 'retry_delay', 'jitter'];

  it('suggests a key within two edits', () => {
    expect(didYouMean('evry', keys)).toBe('every');
    expect(didYouMean('timout', keys)).toBe('timeout');
  });

  it('compares case-insensitively', () => {
    expect(didYouMean('Every', keys)).toBe('every');
  });

  it('suggests by prefix', () => {
    expect(didYouMean('retry', keys)).toBe('retry_delay');
    expect(didYouMean('jitter_ms', keys)).toBe('jitter');
  });

  it('suggests nothing when no key is close', () => {
    expect(didYouMean('database', keys)).toBeUndefined();
  });
});
