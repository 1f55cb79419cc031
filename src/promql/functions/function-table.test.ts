import { describe, expect, it } from 'vitest';
import { FUNCTION_IMPLS } from './function-table.js';
import { FUNCTION_SIGNATURES } from './function-signatures.js';

describe('FUNCTION_IMPLS', () => {
  it('implements exactly the functions the parser accepts', () => {
    expect([...FUNCTION_IMPLS.keys()].sort()).toEqual([...FUNCTION_SIGNATURES.keys()].sort());
  });

  it('returns a number exactly for the scalar-typed functions', () => {
    const scalarFns = [...FUNCTION_SIGNATURES].filter(([, sig]) => sig.returnType === 'scalar').map(([name]) => name);
    expect(scalarFns.sort()).toEqual(['scalar', 'time']);
  });
});
