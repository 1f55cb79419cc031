/**
 * Where a character of a YAML string value sits in the file. The value may differ from
 * its source (block indentation removed, folded lines, escapes), so the two are aligned
 * greedily: each visible character of the value is found at or after the previous one
 * in the source. Exact for plain and block scalars, close for escaped quoted strings.
 *
 * `sourceStart`/`sourceEnd` bound the scalar in `fileText`; returns a file offset.
 */
export function fileOffsetOfValue(fileText: string, sourceStart: number, sourceEnd: number, value: string, valueOffset: number): number {
  const target = Math.max(0, Math.min(valueOffset, value.length));
  let source = firstContent(fileText, sourceStart, sourceEnd);
  for (let i = 0; i < target; i++) {
    const ch = value[i] as string;
    if (/\s/.test(ch)) {
      if (fileText[source] === ch) source++;
      continue;
    }
    const found = fileText.indexOf(ch, source);
    if (found >= 0 && found < sourceEnd) source = found + 1;
  }
  // Land on the target character itself, not on whitespace before it.
  const next = value[target];
  if (next !== undefined && !/\s/.test(next)) {
    const found = fileText.indexOf(next, source);
    if (found >= 0 && found < sourceEnd) return found;
  }
  return source;
}

/** Skips a block scalar header (`|`, `>-`…) or an opening quote. */
function firstContent(text: string, start: number, end: number): number {
  const c = text[start];
  if (c === '"' || c === "'") return start + 1;
  if (c === '|' || c === '>') {
    const newline = text.indexOf('\n', start);
    return newline < 0 || newline >= end ? end : newline + 1;
  }
  return start;
}
