import type { Matrix, Metric, Value } from '../promql/index.js';

/** A sample as Prometheus's HTTP API writes it: `[seconds, "value"]`. */
export type PromPoint = [number, string];

export type PromData =
  | { resultType: 'scalar' | 'string'; result: PromPoint }
  | { resultType: 'vector'; result: { metric: Metric; value: PromPoint }[] }
  | { resultType: 'matrix'; result: { metric: Metric; values: PromPoint[] }[] };

/** `value` of a query result in the shape of Prometheus's `/api/v1/query` `data`. */
export function promData(value: Value): PromData {
  switch (value.type) {
    case 'scalar':
      return { resultType: 'scalar', result: [seconds(value.t), formatSampleValue(value.v)] };
    case 'string':
      return { resultType: 'string', result: [seconds(value.t), value.v] };
    case 'vector':
      return { resultType: 'vector', result: value.vector.map((s) => ({ metric: s.metric, value: [seconds(s.t), formatSampleValue(s.v)] })) };
    case 'matrix':
      return promMatrix(value.matrix);
  }
}

export function promMatrix(matrix: Matrix): PromData {
  return {
    resultType: 'matrix',
    result: matrix.map((s) => ({ metric: s.metric, values: s.points.map((p): PromPoint => [seconds(p.t), formatSampleValue(p.v)]) })),
  };
}

function seconds(ms: number): number {
  return ms / 1000;
}

/**
 * Formats like Go's `strconv.FormatFloat(v, 'f', -1, 64)`, which Prometheus uses: the
 * shortest digits that round-trip, never in exponent form; `NaN`, `+Inf`, `-Inf`.
 */
export function formatSampleValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const text = String(v);
  const e = text.indexOf('e');
  if (e < 0) return text;
  return expandExponent(text.slice(0, e), Number(text.slice(e + 1)));
}

function expandExponent(mantissa: string, exponent: number): string {
  const negative = mantissa.startsWith('-');
  const unsigned = negative ? mantissa.slice(1) : mantissa;
  const dot = unsigned.indexOf('.');
  const digits = unsigned.replace('.', '');
  const point = (dot < 0 ? unsigned.length : dot) + exponent;
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return negative ? '-' + out : out;
}
