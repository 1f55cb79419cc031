import { PromqlParseError } from '../../../errors.js';
import { compileRe2, Re2SyntaxError } from '../../../gocompat/index.js';

/**
 * Label-matcher regexes are Go RE2, anchored at both ends, in Prometheus. Compiling them
 * with gocompat's RE2 translator refuses what Go refuses (lookaround, backreferences,
 * `(?<name>`) with Go's message, and accepts RE2 syntax JavaScript lacks (`(?s)`,
 * `(?P<name>…)`, flags in mid-pattern, `\pL`, `[[:alpha:]]`).
 */

/**
 * The matcher regex as Prometheus compiles it (`^(?:pattern)$`); throws Prometheus's
 * `PromqlParseError` when RE2 refuses the pattern.
 */
export function checkRegex(pattern: string, offset: number): RegExp {
  try {
    return compileRe2(pattern, { anchored: true }).regex;
  } catch (error) {
    if (!(error instanceof Re2SyntaxError)) throw error;
    throw new PromqlParseError(`error parsing regexp: ${error.message}`, offset);
  }
}
