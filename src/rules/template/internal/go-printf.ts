import { formatGoFloat, goQuote, goQuoteRune, type FloatFormat } from '../../../gocompat/index.js';
import { formatGoValue, goTypeName, sortedKeys, type GoValue } from './go-value.js';

/**
 * Go's `fmt.Sprintf`, `fmt.Sprint` and `fmt.Sprintln` over template values, including
 * the way Go reports mistakes in the output (`%!d(float64=0.75)`, `%!s(MISSING)`).
 * Argument indexes (`%[1]d`) and `*` widths are not supported.
 */

interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  zero: boolean;
  sharp: boolean;
  width: number | undefined;
  prec: number | undefined;
}

const FLOAT_VERBS = new Set(['e', 'E', 'f', 'F', 'g', 'G']);

/** `fmt.Sprintf(format, args...)`. */
export function goSprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  let next = 0;
  let i = 0;
  while (i < format.length) {
    const percent = format.indexOf('%', i);
    if (percent < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, percent);
    const parsed = parseSpec(format, percent + 1);
    i = parsed.end;
    if (parsed.verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (parsed.verb === '%') {
      out += '%';
      continue;
    }
    const arg = args[next++];
    out += arg === undefined ? `%!${parsed.verb}(MISSING)` : formatOne(parsed.verb, parsed.spec, arg);
  }
  if (next < args.length) {
    out += `%!(EXTRA ${args.slice(next).map((a) => `${goTypeName(a)}=${formatGoValue(a)}`).join(', ')})`;
  }
  return out;
}

/** `fmt.Sprint`: a space between two operands when neither is a string. */
export function goSprint(args: readonly GoValue[]): string {
  let out = '';
  args.forEach((arg, i) => {
    const previous = args[i - 1];
    if (previous && arg.type !== 'string' && previous.type !== 'string') out += ' ';
    out += formatGoValue(arg);
  });
  return out;
}

/** `fmt.Sprintln`: spaces between all operands and a final newline. */
export function goSprintln(args: readonly GoValue[]): string {
  return args.map(formatGoValue).join(' ') + '\n';
}

function parseSpec(format: string, start: number): { spec: Spec; verb: string | undefined; end: number } {
  const spec: Spec = { minus: false, plus: false, space: false, zero: false, sharp: false, width: undefined, prec: undefined };
  let i = start;
  for (; i < format.length; i++) {
    const c = format[i];
    if (c === '-') spec.minus = true;
    else if (c === '+') spec.plus = true;
    else if (c === ' ') spec.space = true;
    else if (c === '0') spec.zero = true;
    else if (c === '#') spec.sharp = true;
    else break;
  }
  const width = /^\d+/.exec(format.slice(i));
  if (width) {
    spec.width = Number(width[0]);
    i += width[0].length;
  }
  if (format[i] === '.') {
    const prec = /^\d*/.exec(format.slice(i + 1)) as RegExpExecArray;
    spec.prec = Number(prec[0] || '0');
    i += 1 + prec[0].length;
  }
  const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
  if (i >= format.length) return { spec, verb: undefined, end: i };
  return { spec, verb, end: i + verb.length };
}

function formatOne(verb: string, spec: Spec, arg: GoValue): string {
  const text = verb === 'T' ? goTypeName(arg) : verbText(verb, spec, arg);
  if (text === undefined) return `%!${verb}(${goTypeName(arg)}=${formatGoValue(arg)})`;
  return pad(text, spec, isNumeric(verb, arg));
}

function verbText(verb: string, spec: Spec, arg: GoValue): string | undefined {
  switch (arg.type) {
    case 'float64':
      if (verb === 'v') return signed(formatGoFloat(arg.v, 'g', spec.prec ?? -1), spec);
      if (FLOAT_VERBS.has(verb)) return signed(formatGoFloat(arg.v, (verb === 'F' ? 'f' : verb) as FloatFormat, spec.prec ?? (verb.toLowerCase() === 'g' ? -1 : 6)), spec);
      return undefined;
    case 'int':
      return intText(verb, spec, arg.v);
    case 'string':
      return stringText(verb, spec, arg.v);
    case 'bool':
      return verb === 'v' || verb === 't' ? String(arg.v) : undefined;
    case 'map':
      return `map[${sortedKeys(arg.v).map((k) => `${verbText(verb, spec, { type: 'string', v: k }) ?? k}:${verbText(verb, spec, { type: 'string', v: arg.v.get(k) as string }) ?? ''}`).join(' ')}]`;
    default:
      return verb === 'v' || verb === 's' ? formatGoValue(arg) : undefined;
  }
}

function intText(verb: string, spec: Spec, v: number): string | undefined {
  const digits = (radix: number): string => {
    const text = Math.abs(v).toString(radix);
    return spec.prec !== undefined ? text.padStart(spec.prec, '0') : text;
  };
  const sign = v < 0 ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  switch (verb) {
    case 'v':
    case 'd':
      return sign + digits(10);
    case 'x':
      return sign + (spec.sharp ? '0x' : '') + digits(16);
    case 'X':
      return sign + (spec.sharp ? '0X' : '') + digits(16).toUpperCase();
    case 'o':
      return sign + (spec.sharp ? '0' : '') + digits(8);
    case 'b':
      return sign + digits(2);
    case 'c':
      return String.fromCodePoint(v >= 0 && v <= 0x10ffff ? v : 0xfffd);
    case 'q':
      return goQuoteRune(v);
    case 'U':
      return `U+${v.toString(16).toUpperCase().padStart(4, '0')}`;
    default:
      return undefined;
  }
}

function stringText(verb: string, spec: Spec, v: string): string | undefined {
  const cut = spec.prec !== undefined ? [...v].slice(0, spec.prec).join('') : v;
  switch (verb) {
    case 'v':
    case 's':
      return cut;
    case 'q':
      return goQuote(cut);
    case 'x':
    case 'X': {
      const hex = Buffer.from(cut, 'utf8').toString('hex');
      return verb === 'X' ? hex.toUpperCase() : hex;
    }
    default:
      return undefined;
  }
}

function signed(text: string, spec: Spec): string {
  if (text.startsWith('-') || (text === 'NaN' && !spec.plus)) return text;
  if (text.startsWith('+')) return spec.plus ? text : spec.space ? ` ${text.slice(1)}` : text;
  return spec.plus ? `+${text}` : spec.space ? ` ${text}` : text;
}

function isNumeric(verb: string, arg: GoValue): boolean {
  return (arg.type === 'float64' || arg.type === 'int') && verb !== 'c' && verb !== 'q';
}

function pad(text: string, spec: Spec, numeric: boolean): string {
  const width = spec.width ?? 0;
  const length = [...text].length;
  if (length >= width) return text;
  if (spec.minus) return text + ' '.repeat(width - length);
  // Zero padding goes after the sign, and never into Inf or NaN.
  if (spec.zero && numeric && !/Inf|NaN/.test(text)) {
    const sign = /^[+\- ]/.test(text) ? text[0] as string : '';
    return sign + '0'.repeat(width - length) + text.slice(sign.length);
  }
  return (spec.zero && !numeric ? '0' : ' ').repeat(width - length) + text;
}
