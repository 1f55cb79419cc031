import { goBool, goInt, goString, isTrue, type GoValue } from './go-value.js';
import { escapeHtml, escapeJs, queryEscape } from './go-escape.js';
import { goSprint, goSprintf, goSprintln } from './go-printf.js';
import { unsupportedFunction, type TemplateFunction } from './template-function.js';

/**
 * Go text/template's predefined functions (Go 1.19, which promtool 2.42 is built with).
 * `and` and `or` short-circuit, so the executor runs them itself; they are listed here
 * so the parser knows the names.
 */
export const BUILTIN_FUNCTIONS: ReadonlyMap<string, TemplateFunction> = new Map<string, TemplateFunction>([
  ['and', { params: ['any'], variadic: 'any', call: (args) => args[args.length - 1] as GoValue }],
  ['or', { params: ['any'], variadic: 'any', call: (args) => args[args.length - 1] as GoValue }],
  ['not', { params: ['any'], call: ([v]) => goBool(!isTrue(v as GoValue)) }],
  ['eq', { params: ['any'], variadic: 'any', call: ([first, ...rest]) => goBool(equalsAny(first as GoValue, rest)) }],
  ['ne', { params: ['any', 'any'], call: ([a, b]) => goBool(!equalsAny(a as GoValue, [b as GoValue])) }],
  ['lt', { params: ['any', 'any'], call: ([a, b]) => goBool(less(a as GoValue, b as GoValue)) }],
  ['le', { params: ['any', 'any'], call: ([a, b]) => goBool(less(a as GoValue, b as GoValue) || equalsAny(a as GoValue, [b as GoValue])) }],
  ['gt', { params: ['any', 'any'], call: ([a, b]) => goBool(!(less(a as GoValue, b as GoValue) || equalsAny(a as GoValue, [b as GoValue]))) }],
  ['ge', { params: ['any', 'any'], call: ([a, b]) => goBool(!less(a as GoValue, b as GoValue)) }],
  ['index', { params: ['any'], variadic: 'any', call: ([item, ...keys]) => index(item as GoValue, keys) }],
  ['len', { params: ['any'], call: ([v]) => goInt(length(v as GoValue)) }],
  ['print', { params: [], variadic: 'any', call: (args) => goString(goSprint(args)) }],
  ['println', { params: [], variadic: 'any', call: (args) => goString(goSprintln(args)) }],
  ['printf', { params: ['string'], variadic: 'any', call: ([format, ...args]) => goString(goSprintf((format as { v: string }).v, args)) }],
  ['html', { params: [], variadic: 'any', call: (args) => goString(escapeHtml(evalArgs(args))) }],
  ['js', { params: [], variadic: 'any', call: (args) => goString(escapeJs(evalArgs(args))) }],
  ['urlquery', { params: [], variadic: 'any', call: (args) => goString(queryEscape(evalArgs(args))) }],
  ['call', unsupportedFunction('call', 'templates hold no functions to call')],
  ['slice', unsupportedFunction('slice', 'templates hold no slices')],
]);

type Kind = 'bool' | 'int' | 'float' | 'string' | undefined;

function kindOf(v: GoValue): Kind {
  switch (v.type) {
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float64':
      return 'float';
    case 'string':
      return 'string';
    default:
      return undefined;
  }
}

function equalsAny(first: GoValue, rest: readonly GoValue[]): boolean {
  if (rest.length === 0) throw new Error('missing argument for comparison');
  if (first.type === 'map') throw new Error('non-comparable type map[string]string');
  for (const other of rest) {
    if (first.type === 'nil' || other.type === 'nil') {
      if (first.type === other.type) return true;
      continue;
    }
    if (kindOf(first) !== kindOf(other)) throw new Error('incompatible types for comparison');
    if (kindOf(first) === undefined) throw new Error('invalid type for comparison');
    if ((first as { v: unknown }).v === (other as { v: unknown }).v) return true;
  }
  return false;
}

function less(a: GoValue, b: GoValue): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === undefined || kb === undefined) throw new Error('invalid type for comparison');
  if (ka !== kb) throw new Error('incompatible types for comparison');
  if (ka === 'bool') throw new Error('invalid type for comparison');
  if (ka === 'string') return Buffer.compare(Buffer.from((a as { v: string }).v), Buffer.from((b as { v: string }).v)) < 0;
  return (a as { v: number }).v < (b as { v: number }).v;
}

function index(item: GoValue, keys: readonly GoValue[]): GoValue {
  let current = item;
  for (const key of keys) {
    if (current.type !== 'map') throw new Error(`can't index item of type ${current.type}`);
    if (key.type !== 'string') throw new Error(`value has type ${key.type}; should be string`);
    current = goString(current.v.get(key.v) ?? '');
  }
  return current;
}

function length(v: GoValue): number {
  if (v.type === 'map') return v.v.size;
  if (v.type === 'string') return Buffer.byteLength(v.v);
  throw new Error(`len of type ${v.type === 'nil' ? '<nil>' : v.type}`);
}

/** How `html`, `js` and `urlquery` read their arguments: one string as is, otherwise `fmt.Sprint`. */
function evalArgs(args: readonly GoValue[]): string {
  const [only] = args;
  return args.length === 1 && only?.type === 'string' ? only.v : goSprint(args);
}
