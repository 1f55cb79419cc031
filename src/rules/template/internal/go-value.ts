import { sprintGoFloat } from '../../../gocompat/index.js';
import { compareGoStrings } from '../../internal/label-set.js';
import { formatGoTime } from './go-time.js';

/**
 * The Go values a Prometheus alert template handles. Ints and floats stay distinct
 * because Go prints, compares and type-checks them differently (`{{ 1e6 }}` is
 * "1e+06", `{{ 1000000 }}` is "1000000", `gt 0.5 1` is an error).
 */
export type GoValue =
  | { type: 'string'; v: string }
  | { type: 'float64'; v: number }
  | { type: 'int'; v: number }
  | { type: 'bool'; v: boolean }
  | { type: 'map'; v: ReadonlyMap<string, string> }
  /** `time.Time` in UTC, at millisecond precision (Prometheus's `model.Time`). */
  | { type: 'time'; ms: number }
  | { type: 'struct'; fields: ReadonlyMap<string, GoValue> }
  | { type: 'nil' };

/** Constructors of template values. */
export const goString = (v: string): GoValue => ({ type: 'string', v });
export const goFloat = (v: number): GoValue => ({ type: 'float64', v });
export const goInt = (v: number): GoValue => ({ type: 'int', v });
export const goBool = (v: boolean): GoValue => ({ type: 'bool', v });
export const goNil: GoValue = { type: 'nil' };

/** A `map[string]string` from a label set. */
export function goMap(record: Readonly<Record<string, string>>): GoValue {
  return { type: 'map', v: new Map(Object.entries(record)) };
}

/** The Go type name, as error messages show it (`float64`, `map[string]string`). */
export function goTypeName(value: GoValue): string {
  switch (value.type) {
    case 'map':
      return 'map[string]string';
    case 'time':
      return 'time.Time';
    case 'nil':
      return '<nil>';
    case 'struct':
      return `struct { ${[...value.fields].map(([name, field]) => `${name} ${goTypeName(field)}`).join('; ')} }`;
    default:
      return value.type;
  }
}

/** Go's truth for `if`, `with`, `and`, `or`, `not`: the zero value and empty maps are false. */
export function isTrue(value: GoValue): boolean {
  switch (value.type) {
    case 'string':
      return value.v !== '';
    case 'float64':
    case 'int':
      return value.v !== 0;
    case 'bool':
      return value.v;
    case 'map':
      return value.v.size > 0;
    case 'nil':
      return false;
    default:
      return true;
  }
}

/** `fmt.Sprint(value)`: the `%v` form. */
export function formatGoValue(value: GoValue): string {
  switch (value.type) {
    case 'string':
      return value.v;
    case 'float64':
      return sprintGoFloat(value.v);
    case 'int':
    case 'bool':
      return String(value.v);
    case 'map':
      return `map[${sortedKeys(value.v).map((k) => `${k}:${value.v.get(k) as string}`).join(' ')}]`;
    case 'time':
      return formatGoTime(value.ms);
    case 'struct':
      return `{${[...value.fields.values()].map(formatGoValue).join(' ')}}`;
    case 'nil':
      return '<nil>';
  }
}

/** Map keys in the order Go's fmt and `range` use. */
export function sortedKeys(map: ReadonlyMap<string, string>): string[] {
  return [...map.keys()].sort(compareGoStrings);
}
