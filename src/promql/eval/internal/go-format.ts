/**
 * A float as Go's `%v` prints it (`1e+20`, `0.5`, `NaN`, `+Inf`), so that error texts
 * match Prometheus's: shortest digits, in exponent form when the exponent is below -4 or
 * at least 6 (`1e+06`).
 */
export function formatGoFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const [digits = '', exp = '0'] = v.toExponential().split('e');
  const exponent = Number(exp);
  if (exponent < -4 || exponent >= 6) return `${digits}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return String(v);
}
