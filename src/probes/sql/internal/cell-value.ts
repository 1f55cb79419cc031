/** How many characters of a cell a reason may show. */
const MAX_SHOWN = 40;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A cell as a sample value: numbers as they are, numeric text (bigint and numeric arrive as
 * text) parsed, booleans 1/0. Anything else is a reason naming the column.
 */
export function cellNumber(cell: unknown, column: string): number | { failure: string } {
  if (cell === null || cell === undefined) return { failure: `value in column "${column}" is NULL` };
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  const value = typeof cell === 'number' ? cell : typeof cell === 'string' && DECIMAL.test(cell.trim()) ? Number(cell) : NaN;
  if (Number.isFinite(value)) return value;
  const shown = JSON.stringify(shorten(cellText(cell)));
  return { failure: `value ${shown} in column "${column}" is ${isNumberWord(cell) ? 'not a finite number' : 'not a number'}` };
}

/** A cell as a label value: text as it is, NULL as empty (no label), dates in ISO 8601. */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? String(cell) : cell.toISOString();
  if (typeof cell === 'object') return JSON.stringify(cell);
  return String(cell);
}

/** `Infinity` is a number, just not one a threshold or a graph can use. */
function isNumberWord(cell: unknown): boolean {
  return (typeof cell === 'number' && !Number.isNaN(cell)) || (typeof cell === 'string' && /^[+-]?infinity$/i.test(cell.trim()));
}

function shorten(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}
