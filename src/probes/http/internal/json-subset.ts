import { childPath, isJsonObject, jsonEquals, showJson } from './json-value.js';

/**
 * Checks that `actual` contains `expected`: objects match partially (extra keys allowed),
 * arrays and scalars must be equal. Returns the first mismatch as a reason, or undefined.
 */
export function findSubsetMismatch(actual: unknown, expected: unknown, path = '$'): string | undefined {
  if (isJsonObject(expected)) {
    if (!isJsonObject(actual)) return `${path} is ${showJson(actual)}, expected an object`;
    for (const [key, value] of Object.entries(expected)) {
      const mismatch = findSubsetMismatch(actual[key], value, childPath(path, key));
      if (mismatch) return mismatch;
    }
    return undefined;
  }
  return jsonEquals(actual, expected) ? undefined : `${path} is ${showJson(actual)}, expected ${showJson(expected)}`;
}
