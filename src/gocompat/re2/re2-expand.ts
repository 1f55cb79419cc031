/**
 * Go's `Regexp.ExpandString`, which `label_replace()` and templates' `reReplaceAll` use
 * for their replacement: `$1`, `${1}`, `$name`, `${name}` and `$$`. A reference takes the longest run of
 * letters, digits and `_`, so `$1x` names the (usually missing) group "1x" and
 * expands to nothing; a malformed reference is kept as text.
 */

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

/** `template` with references replaced by the groups of `match` (unmatched groups expand to ""). */
export function expandRe2Template(template: string, match: RegExpExecArray, groupNames: readonly (string | undefined)[]): string {
  let out = '';
  let rest = template;
  for (let dollar = rest.indexOf('$'); dollar >= 0; dollar = rest.indexOf('$')) {
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const ref = readReference(rest);
    if (!ref) {
      out += '$';
      continue;
    }
    rest = rest.slice(ref.length);
    out += groupText(ref.name, match, groupNames);
  }
  return out + rest;
}

/** The group name after a `$` (`name` or `{name}`) and how many characters it spans. */
function readReference(text: string): { name: string; length: number } | undefined {
  const braced = text.startsWith('{');
  let end = braced ? 1 : 0;
  while (end < text.length) {
    const cp = text.codePointAt(end) as number;
    const char = String.fromCodePoint(cp);
    if (!NAME_CHAR.test(char)) break;
    end += char.length;
  }
  const name = text.slice(braced ? 1 : 0, end);
  if (name === '') return undefined;
  if (!braced) return { name, length: end };
  if (text[end] !== '}') return undefined;
  return { name, length: end + 1 };
}

/**
 * A decimal group number (no leading zeros, at most nine digits), else the first
 * group of that name that took part in the match (Go allows repeated names).
 */
function groupText(name: string, match: RegExpExecArray, groupNames: readonly (string | undefined)[]): string {
  if (/^(0|[1-9][0-9]{0,8})$/.test(name)) return match[Number(name)] ?? '';
  for (let i = 1; i < groupNames.length; i++) {
    const text = groupNames[i] === name ? match[i] : undefined;
    if (text !== undefined) return text;
  }
  return '';
}
