import { PromqlParseError } from '../../../errors.js';
import { SeriesSelector } from '../../../tsdb/index.js';
import { goQuote } from './go-format.js';
import { unsupported } from './unsupported.js';

/**
 * Label-matcher regexes are RE2 (Go) in Prometheus and run on JavaScript's engine in
 * guardia's tsdb. JavaScript accepts constructs RE2 rejects (lookaround, backreferences),
 * and reads a few RE2 constructs differently (`\A`, `\z`, `\Q…\E`, `\pL`, `[[:alpha:]]`); both are refused
 * here so that a matcher never silently means something else than in Prometheus.
 */

/** Escapes of letters and digits that RE2 defines and guardia's tsdb reads the same way. */
const SAME_ESCAPES = new Set([...'afnrtvxdDsSwWbB0']);
/** RE2 escapes whose JavaScript reading differs. */
const DIFFERENT_ESCAPES = new Set([...'AzQEpP']);

function invalid(pattern: string, detail: string, offset: number): PromqlParseError {
  return new PromqlParseError(`error parsing regexp ${goQuote(pattern)}: ${detail}`, offset);
}

/** Refuses a backslash escape RE2 rejects or reads differently; returns the index after it. */
function checkEscape(pattern: string, i: number, offset: number): number {
  const ch = pattern[i + 1] ?? '';
  if (ch === 'x' && pattern[i + 2] === '{') throw unsupported('the regexp escape \\x{…}', offset);
  if (!/[a-zA-Z0-9]/.test(ch) || SAME_ESCAPES.has(ch)) return i + 2;
  // RE2 reads \1 to \7 as octal only when another octal digit follows; alone they are backreferences.
  if (/[1-7]/.test(ch) && /[0-7]/.test(pattern[i + 2] ?? '')) return i + 2;
  if (DIFFERENT_ESCAPES.has(ch)) throw unsupported(`the regexp escape \\${ch}`, offset);
  throw invalid(pattern, `invalid escape sequence: \`\\${ch}\``, offset);
}

/** Throws `PromqlParseError` unless `pattern` means the same in RE2 and in guardia's tsdb. */
export function checkRegex(pattern: string, offset: number): void {
  let inClass = false;
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === '\\') {
      i = checkEscape(pattern, i, offset);
      continue;
    }
    if (inClass) {
      if (pattern.startsWith('[:', i)) throw unsupported('a POSIX class ([:name:]) in a regexp', offset);
      inClass = ch !== ']';
    } else if (ch === '[') {
      inClass = true;
      // A `]` right after `[` or `[^` is a member of the class, not its end.
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++;
    } else if (ch === '(' && /^\(\?(?:[=!]|<[=!]?)/.test(pattern.slice(i))) {
      throw invalid(pattern, `invalid or unsupported Perl syntax: \`${pattern.slice(i, i + 3)}\``, offset);
    }
    i++;
  }
  try {
    new SeriesSelector([{ name: 'x', op: '=~', value: pattern }]);
  } catch (error) {
    // JavaScript refuses it: either RE2 does too, or it is RE2 syntax guardia cannot run (`(?s)`).
    const message = `the regular expression ${goQuote(pattern)} is invalid or not supported by guardia: ${describeCause(error)}`;
    throw new PromqlParseError(message, offset);
  }
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
