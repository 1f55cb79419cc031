import type { Re2Regex } from './compile-re2.js';
import { expandRe2Template } from './re2-expand.js';

/**
 * Go's `Regexp.ReplaceAllString(text, template)`: every non-overlapping match replaced by
 * the expanded template. Unlike JavaScript's `replace`, an empty match right after the
 * previous match is not replaced (`b*` in "abc" gives "XaXcX", not "XaXXcX").
 */
export function replaceAllRe2(re: Re2Regex, text: string, template: string): string {
  const finder = new RegExp(re.regex.source, `${re.regex.flags}g`);
  let out = '';
  let lastEnd = 0;
  let searchPos = 0;
  while (searchPos <= text.length) {
    finder.lastIndex = searchPos;
    const match = finder.exec(text);
    if (!match) break;
    const end = match.index + match[0].length;
    out += text.slice(lastEnd, match.index);
    if (end > lastEnd || match.index === 0) out += expandRe2Template(template, match, re.groupNames);
    lastEnd = end;
    // Go moves on by at least one character (one code point, here) from where it searched.
    const width = searchPos < text.length ? String.fromCodePoint(text.codePointAt(searchPos) as number).length : 1;
    searchPos = searchPos + width > end ? searchPos + width : end;
  }
  return out + text.slice(lastEnd);
}
