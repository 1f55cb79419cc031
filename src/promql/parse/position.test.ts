import { describe, expect, it } from 'vitest';
import { positionOf } from './position.js';

describe('positionOf', () => {
  it('counts lines and columns from 1', () => {
    expect(positionOf('sum(\n  rate(x)\n)', 9)).toEqual({ line: 2, col: 5 });
  });

  it('places an offset at the end of the text after its last character', () => {
    expect(positionOf('x +', 3)).toEqual({ line: 1, col: 4 });
  });

  it('clamps offsets outside the text', () => {
    expect(positionOf('ab', 10)).toEqual({ line: 1, col: 3 });
    expect(positionOf('ab', -1)).toEqual({ line: 1, col: 1 });
  });
});
