import { GOT } from '../../../problems/path-problem.js';
import { numberField } from '../../internal/number-field.js';
import { percentField } from '../../internal/percent-field.js';
import { byType, switchUnion } from '../../internal/switch-union.js';

const EXPECTED = `expected a ratio from 0 to 1 like 0.9, or a percentage like "90%"${GOT}`;

/** A share from 0 to 1, written as a fraction (`0.9`) or a percentage (`"90%"`). */
export function ratioField() {
  return switchUnion([numberField({ min: 0, max: 1 }), percentField()], (input) =>
    typeof input === 'string' && input.trim().endsWith('%') ? 1 : byType({ number: 0, string: 0 }, EXPECTED)(input),
  );
}
