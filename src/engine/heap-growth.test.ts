import { describe, expect, it } from 'vitest';
import { DAEMON_HEAP_GROWING_PERCENT, limitHeapGrowth } from './heap-growth.js';

describe('limitHeapGrowth', () => {
  it('sets the daemon\'s heap growth when node was not given one', () => {
    expect(limitHeapGrowth(['--enable-source-maps'])).toBe(DAEMON_HEAP_GROWING_PERCENT);
  });

  it('leaves a growth given on node\'s command line alone, in either spelling', () => {
    expect(limitHeapGrowth(['--heap-growing-percent=80'])).toBeUndefined();
    expect(limitHeapGrowth(['--heap_growing_percent=80'])).toBeUndefined();
    expect(limitHeapGrowth(['--heap-growing-percent', '80'])).toBeUndefined();
  });
});
