import { Re2SyntaxError } from './re2-syntax-error.js';
import { translateRe2 } from './internal/re2-translator.js';

/** A compiled RE2 pattern: the JavaScript regex and the RE2 names of its capture groups. */
export interface Re2Regex {
  readonly regex: RegExp;
  /** Index `i` holds the name of capture group `i`, or undefined (index 0 is the whole match). */
  readonly groupNames: readonly (string | undefined)[];
}

/** How to compile a pattern. */
export interface Re2Options {
  /**
   * Match the whole text, as Prometheus's label matchers and `label_replace()` do: the
   * pattern is compiled as `^(?:pattern)$`, so error messages quote that form, as Go's do.
   */
  anchored?: boolean;
}

/**
 * Compiles a Go RE2 pattern to a JavaScript regex that matches the same texts; throws
 * `Re2SyntaxError` for anything Go's `regexp.Compile` rejects.
 */
export function compileRe2(pattern: string, options: Re2Options = {}): Re2Regex {
  const { source, flags, groupNames } = translateRe2(options.anchored ? `^(?:${pattern})$` : pattern);
  try {
    return { regex: new RegExp(source, flags), groupNames };
  } catch (error) {
    throw new Re2SyntaxError(error instanceof Error ? error.message : String(error));
  }
}
