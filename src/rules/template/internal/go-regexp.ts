import { compileRe2, Re2SyntaxError, replaceAllRe2, type Re2Regex } from '../../../gocompat/index.js';

/**
 * Go `regexp` as Prometheus templates use it in `reReplaceAll` and `match`: RE2 through
 * gocompat's translator, with Go's replacement rules and Go's wording of errors.
 */

/** `regexp.MustCompile(pattern).ReplaceAllString(text, replacement)`; a bad pattern panics with `regexp: Compile(…)`. */
export function goReplaceAll(pattern: string, text: string, replacement: string): string {
  return replaceAllRe2(compile(pattern, (why) => `regexp: Compile(\`${pattern}\`): ${why}`), text, replacement);
}

/** `regexp.MatchString(pattern, text)`, whose errors do not name `Compile`. */
export function goRegexpMatches(pattern: string, text: string): boolean {
  return compile(pattern, (why) => why).regex.test(text);
}

function compile(pattern: string, describe: (why: string) => string): Re2Regex {
  try {
    return compileRe2(pattern);
  } catch (error) {
    if (!(error instanceof Re2SyntaxError)) throw error;
    throw new Error(describe(`error parsing regexp: ${error.message}`));
  }
}
