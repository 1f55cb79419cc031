import { InvalidRequestError } from '../../../errors.js';
import { isJsonObject } from './json-value.js';

type Step = string | number;

/**
 * Parses the small JSONPath subset guardia supports: `$`, `.name`, `[0]`, `["name"]`
 * and `['name']`. Throws `InvalidRequestError` on anything else.
 */
export function parseJsonPath(path: string): Step[] {
  if (!path.startsWith('$')) throw new InvalidRequestError(`JSON path ${path} must start with $`);
  const steps: Step[] = [];
  const pattern = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['([^']*)'\]/y;
  pattern.lastIndex = 1;
  while (pattern.lastIndex < path.length) {
    const at = pattern.lastIndex;
    const m = pattern.exec(path);
    if (!m) throw new InvalidRequestError(`JSON path ${path} is not supported at position ${at}`);
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else if (m[3] !== undefined) steps.push(JSON.parse(`"${m[3]}"`) as string);
    else steps.push(m[4] ?? '');
  }
  return steps;
}

/** The value at `path` in `root`, or undefined when any step is missing. */
export function readJsonPath(root: unknown, path: string): unknown {
  let value = root;
  for (const step of parseJsonPath(path)) {
    if (typeof step === 'number') value = Array.isArray(value) ? value[step] : undefined;
    else value = isJsonObject(value) && Object.hasOwn(value, step) ? value[step] : undefined;
    if (value === undefined) return undefined;
  }
  return value;
}
