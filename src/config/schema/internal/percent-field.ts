import { InvalidValueError } from '../../values/invalid-value-error.js';
import { parsePercent } from '../../values/percent-parser.js';
import { parsedText } from './parsed-text.js';

const EXPECTED = 'a percentage like "80%"';
const PERCENT_JSON_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*%\\s*$';

/** A threshold percentage such as `80%` or `99.5%` (0–100 %), as the fraction 0–1. */
export function percentField() {
  const parse = (text: string): number => {
    try {
      return parsePercent(text);
    } catch (error) {
      // The same example whether the value is a bare number or malformed text.
      if (error instanceof InvalidValueError) throw new InvalidValueError(EXPECTED, text, error.detail);
      throw error;
    }
  };
  return parsedText(parse, EXPECTED, PERCENT_JSON_PATTERN);
}
