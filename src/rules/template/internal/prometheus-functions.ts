import { formatGoFloat, parsePromDuration, sprintGoFloat } from '../../../gocompat/index.js';
import { goBool, goFloat, goString, goTypeName, type GoValue } from './go-value.js';
import { goRegexpMatches, goReplaceAll } from './go-regexp.js';
import { queryEscape } from './go-escape.js';
import { formatGoTime, unixSecondsToMs } from './go-time.js';
import { unsupportedFunction, type TemplateFunction } from './template-function.js';

/**
 * The functions Prometheus 2.42 adds to alert templates. The query family (`query`,
 * `first`, `label`, `value`…) is known to the parser but not run: guardia renders
 * templates without access to the query engine.
 */
export function prometheusFunctions(externalUrl: string | undefined): ReadonlyMap<string, TemplateFunction> {
  const str = (f: (s: string) => string): TemplateFunction => ({ params: ['string'], call: ([s]) => goString(f((s as { v: string }).v)) });
  const num = (f: (v: number) => GoValue): TemplateFunction => ({ params: ['any'], call: ([v]) => f(toFloat(v as GoValue)) });
  const url = (f: (u: URL) => string): TemplateFunction => ({
    params: [],
    call: () => {
      // promtool has no external URL object here and dereferences nil; say the same.
      if (externalUrl === undefined) throw new Error('runtime error: invalid memory address or nil pointer dereference');
      return goString(f(new URL(externalUrl)));
    },
  });
  const noQuery = (name: string): [string, TemplateFunction] => [name, unsupportedFunction(name, 'templates cannot run queries')];
  return new Map<string, TemplateFunction>([
    ['humanize', num((v) => goString(humanize(v)))],
    ['humanize1024', num((v) => goString(humanize1024(v)))],
    ['humanizeDuration', num((v) => goString(humanizeDuration(v)))],
    ['humanizePercentage', num((v) => goString(`${g4(v * 100)}%`))],
    ['humanizeTimestamp', num((v) => goString(Number.isFinite(v) ? formatGoTime(floatToTime(v)) : g4(v)))],
    ['toTime', num((v) => ({ type: 'time', ms: floatToTime(v) }))],
    ['title', str(title)],
    ['toUpper', str((s) => mapRunes(s, (c) => c.toUpperCase()))],
    ['toLower', str((s) => mapRunes(s, (c) => c.toLowerCase()))],
    ['safeHtml', str((s) => s)],
    ['parseDuration', { params: ['string'], call: ([d]) => goFloat(seconds(text(d))) }],
    ['stripPort', str(stripPort)],
    ['graphLink', str((expr) => `/graph?g0.expr=${queryEscape(expr)}&g0.tab=0`)],
    ['tableLink', str((expr) => `/graph?g0.expr=${queryEscape(expr)}&g0.tab=1`)],
    ['reReplaceAll', { params: ['string', 'string', 'string'], call: ([p, r, t]) => goString(goReplaceAll(text(p), text(t), text(r))) }],
    ['match', { params: ['string', 'string'], call: ([p, t]) => goBool(goRegexpMatches(text(p), text(t))) }],
    ['pathPrefix', url((u) => u.pathname === '/' && !externalUrl?.endsWith('/') ? '' : u.pathname)],
    ['externalURL', url(() => externalUrl as string)],
    noQuery('query'), noQuery('first'), noQuery('label'), noQuery('value'), noQuery('strvalue'), noQuery('sortByLabel'), noQuery('args'),
  ]);
}

function seconds(duration: string): number {
  const ms = parsePromDuration(duration);
  if (typeof ms !== 'number') throw new Error(ms.error);
  return ms / 1000;
}

function text(v: GoValue | undefined): string {
  return (v as { v: string }).v;
}

/** Prometheus's `convertToFloat`: floats, ints and numeric strings. */
function toFloat(v: GoValue): number {
  if (v.type === 'float64' || v.type === 'int') return v.v;
  if (v.type === 'string') {
    const parsed = parseFloatText(v.v);
    if (parsed === undefined) throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(v.v)}: invalid syntax`);
    return parsed;
  }
  throw new Error(`can't convert ${goTypeName(v)} to float`);
}

function parseFloatText(s: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

function g4(v: number): string {
  return formatGoFloat(v, 'g', 4);
}

function humanize(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return g4(v);
  let prefix = '';
  if (Math.abs(v) >= 1) {
    for (const p of ['k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y']) {
      if (Math.abs(v) < 1000) break;
      prefix = p;
      v /= 1000;
    }
    return g4(v) + prefix;
  }
  return scaleUp(v, '');
}

/** Multiplies by 1000 until the value is at least 1, naming the prefix: `12.3m`, `1ps`. */
function scaleUp(v: number, unit: string): string {
  let prefix = '';
  for (const p of ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y']) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return `${g4(v)}${prefix}${unit}`;
}

function humanize1024(v: number): string {
  if (Math.abs(v) <= 1 || !Number.isFinite(v)) return g4(v);
  let prefix = '';
  for (const p of ['ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'Zi', 'Yi']) {
    if (Math.abs(v) < 1024) break;
    prefix = p;
    v /= 1024;
  }
  return g4(v) + prefix;
}

function humanizeDuration(v: number): string {
  if (!Number.isFinite(v)) return g4(v);
  if (v === 0) return `${g4(v)}s`;
  if (Math.abs(v) < 1) return scaleUp(v, 's');
  const sign = v < 0 ? '-' : '';
  const abs = Math.abs(v);
  const whole = Math.trunc(abs);
  const [days, hours, minutes, seconds] = [Math.trunc(whole / 86_400), Math.trunc(whole / 3600) % 24, Math.trunc(whole / 60) % 60, whole % 60];
  if (days !== 0) return `${sign}${days}d ${hours}h ${minutes}m ${seconds}s`;
  if (hours !== 0) return `${sign}${hours}h ${minutes}m ${seconds}s`;
  if (minutes !== 0) return `${sign}${minutes}m ${seconds}s`;
  return `${sign}${g4(abs)}s`;
}

/** Prometheus's `floatToTime`: seconds to a time, refusing NaN, Inf and what overflows int64 nanoseconds. */
function floatToTime(seconds: number): number {
  if (!Number.isFinite(seconds)) throw new Error('value is NaN or Inf');
  const nanos = seconds * 1e9;
  if (nanos >= 2 ** 63 || nanos < -(2 ** 63)) throw new Error(`${sprintGoFloat(seconds)} cannot be represented as a nanoseconds timestamp since it overflows int64`);
  return unixSecondsToMs(seconds);
}

/** `strings.Title`: upper-cases each letter that follows a separator. */
function title(s: string): string {
  let previous = ' ';
  let out = '';
  for (const c of s) {
    out += isSeparator(previous) ? mapRunes(c, (x) => x.toUpperCase()) : c;
    previous = c;
  }
  return out;
}

function isSeparator(c: string): boolean {
  if (/[A-Za-z0-9_]/.test(c)) return false;
  if (c.charCodeAt(0) < 0x80) return true;
  return !/[\p{L}\p{Nd}]/u.test(c) && /\s/.test(c);
}

/** Applies a case mapping one character at a time, as Go does (so "ß" stays "ß"). */
function mapRunes(s: string, f: (c: string) => string): string {
  let out = '';
  for (const c of s) {
    const mapped = f(c);
    out += [...mapped].length === 1 ? mapped : c;
  }
  return out;
}

function stripPort(hostPort: string): string {
  const bracketed = /^\[([^\]]*)\]:[^:]*$/.exec(hostPort);
  if (bracketed) return bracketed[1] as string;
  const parts = hostPort.split(':');
  return parts.length === 2 ? (parts[0] as string) : hostPort;
}
