/** A 1-based line and column in an expression's text. */
export interface TextPosition {
  line: number;
  col: number;
}

/** Where `offset` (e.g. a `PromqlParseError`'s) falls in `text`, for messages like `2:7: unexpected …`. */
export function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, col: before.length - lineStart + 1 };
}
