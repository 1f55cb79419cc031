import { InvalidValueError } from './invalid-value-error.js';

const PERCENT = /^(\d+(?:\.\d+)?)\s*%$/;

/** Parses `99.5%` into the fraction 0.995. The `%` sign is required and the value is 0–100%. */
export function parsePercent(text: string): number {
  const match = PERCENT.exec(text.trim());
  const value = match ? Number(match[1]) : NaN;
  if (!(value >= 0 && value <= 100)) throw new InvalidValueError('a percentage like "99.5%"', text);
  // Round away binary noise so 99.9% is exactly 0.999.
  return Math.round(value * 1e8) / 1e10;
}
