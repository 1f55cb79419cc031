import type { JsonPathCondition } from '../../../config/resolved-config.js';
import { jsonEquals, showJson } from './json-value.js';
import { readJsonPath } from './json-path.js';
import { compileRegex } from './compile-regex.js';

const COMPARISONS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/** Checks one JSON-path condition; returns the reason it fails, e.g. `$.checks.db.latency_ms is 812, expected < 500`. */
export function checkJsonPathCondition(json: unknown, condition: JsonPathCondition): string | undefined {
  const { path, op, value: expected } = condition;
  let actual: unknown;
  try {
    actual = readJsonPath(json, path);
  } catch (error) {
    return (error as Error).message;
  }
  const is = `${path} is ${showJson(actual)}`;
  switch (op) {
    case 'exists': {
      const mustExist = expected !== false;
      if (mustExist === (actual !== undefined)) return undefined;
      return mustExist ? `${path} is missing` : `${path} is ${showJson(actual)}, expected it to be absent`;
    }
    case 'equals':
      return jsonEquals(actual, expected) ? undefined : `${is}, expected ${showJson(expected)}`;
    case 'not_equals':
      return jsonEquals(actual, expected) ? `${is}, expected anything else` : undefined;
    case 'matches': {
      const regex = compileRegex(String(expected));
      if (typeof regex === 'string') return regex;
      const text = typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean' ? String(actual) : undefined;
      return text !== undefined && regex.test(text) ? undefined : `${is}, expected to match /${regex.source}/`;
    }
    default: {
      const symbol = COMPARISONS[op];
      if (typeof actual !== 'number' || typeof expected !== 'number') return `${is}, expected a number ${symbol} ${showJson(expected)}`;
      return compare(actual, op, expected) ? undefined : `${is}, expected ${symbol} ${expected}`;
    }
  }
}

function compare(actual: number, op: keyof typeof COMPARISONS, expected: number): boolean {
  if (op === 'lt') return actual < expected;
  if (op === 'lte') return actual <= expected;
  if (op === 'gt') return actual > expected;
  return actual >= expected;
}
