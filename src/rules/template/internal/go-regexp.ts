/**
 * Go `regexp` (RE2) as templates use it in `match` and `reReplaceAll`: the pattern
 * translated to a JavaScript RegExp (named groups, leading inline flags), and Go's
 * replacement syntax, where `$1x` names group "1x" rather than group 1 then "x".
 */
export function compileGoRegexp(pattern: string, global = false): RegExp {
  return compile(pattern, global, (why) => `regexp: Compile(\`${pattern}\`): ${why}`);
}

/** `regexp.MatchString(pattern, text)`, whose errors do not name `Compile`. */
export function goRegexpMatches(pattern: string, text: string): boolean {
  return compile(pattern, false, (why) => why).test(text);
}

function compile(pattern: string, global: boolean, describe: (why: string) => string): RegExp {
  let source = pattern;
  let flags = global ? 'g' : '';
  const inline = /^\(\?([imsU]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const flag of inline[1] as string) if (flag !== 'U' && !flags.includes(flag)) flags += flag;
  }
  source = source.replace(/\(\?P</g, '(?<');
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new Error(describe(`error parsing regexp: ${re2Reason((error as Error).message, pattern)}`));
  }
}

/** RE2's words for the syntax errors JavaScript reports differently. */
function re2Reason(message: string, pattern: string): string {
  if (/Unterminated group/.test(message)) return `missing closing ): \`${pattern}\``;
  if (/Unterminated character class/.test(message)) return `missing closing ]: \`${pattern.slice(pattern.lastIndexOf('['))}\``;
  if (/Unmatched '\)'/.test(message)) return `unexpected ): \`${pattern}\``;
  if (/Nothing to repeat/.test(message)) return `missing argument to repetition operator: \`${pattern}\``;
  return message.replace(/^Invalid regular expression: /, '');
}

/** `Regexp.ReplaceAllString(text, replacement)` with Go's `$name` / `${name}` expansion. */
export function goReplaceAll(re: RegExp, text: string, replacement: string): string {
  return text.replace(re, (...args: unknown[]) => {
    const last = args[args.length - 1];
    const named = (typeof last === 'object' && last !== null ? last : {}) as Record<string, string | undefined>;
    const groups = args.slice(0, typeof last === 'object' && last !== null ? -3 : -2) as (string | undefined)[];
    return expand(replacement, groups, named);
  });
}

function expand(template: string, groups: readonly (string | undefined)[], named: Record<string, string | undefined>): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== '$') {
      out += c;
      continue;
    }
    if (template[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    const braced = /^\{(\w+)\}/.exec(template.slice(i + 1));
    const bare = /^\w+/.exec(template.slice(i + 1));
    const name = braced?.[1] ?? bare?.[0];
    if (name === undefined) {
      out += '$';
      continue;
    }
    i += braced ? braced[0].length : name.length;
    out += /^\d+$/.test(name) ? (groups[Number(name)] ?? '') : (named[name] ?? '');
  }
  return out;
}
