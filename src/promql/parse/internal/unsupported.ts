import { PromqlParseError } from '../../../errors.js';

/**
 * The refusal of valid PromQL that guardia does not evaluate, naming the construct so
 * the user knows it is guardia's limit and not a mistake in the query.
 */
export function unsupported(construct: string, offset: number, remedy?: string): PromqlParseError {
  const message = `${construct} is not supported by guardia`;
  return new PromqlParseError(remedy ? `${message}; ${remedy}` : message, offset);
}
