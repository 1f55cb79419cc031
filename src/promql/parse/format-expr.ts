import { formatPromDuration, goQuote, sprintGoFloat } from '../../gocompat/index.js';
import type { LabelMatcher } from '../../tsdb/index.js';
import type { Aggregate, Binary, Expr, VectorSelector } from '../ast.js';

/**
 * The canonical text of an expression, spelled as Prometheus prints it (`sum by (job)
 * (rate(x[5m]))`, `a + on (job) group_left () b`, `x offset 1h`, numbers as Go's `%v`).
 * Matchers keep their order, so `parseExpr(formatExpr(e))` gives back an equal tree
 * (spans aside) for any `e` that `parseExpr` returned.
 */
export function formatExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return sprintGoFloat(expr.value);
    case 'string':
      return goQuote(expr.value);
    case 'vector':
      return formatSelector(expr) + formatOffset(expr.offsetMs);
    case 'matrix':
      return `${formatSelector(expr.selector)}[${formatPromDuration(expr.rangeMs)}]${formatOffset(expr.selector.offsetMs)}`;
    case 'call':
      return `${expr.func}(${expr.args.map(formatExpr).join(', ')})`;
    case 'aggregate':
      return formatAggregate(expr);
    case 'binary':
      return formatBinary(expr);
    case 'unary':
      return `${expr.op}${formatExpr(expr.expr)}`;
    case 'paren':
      return `(${formatExpr(expr.expr)})`;
  }
}

function formatSelector(selector: VectorSelector): string {
  const { name, matchers } = selector;
  // The matcher made from the metric name is spelled by the name itself.
  const isName = (m: LabelMatcher): boolean => m.name === '__name__' && m.op === '=' && m.value === name;
  const shown = name === undefined ? matchers : matchers.filter((m) => !isName(m));
  const labels = shown.map((m) => `${m.name}${m.op}${goQuote(m.value)}`).join(',');
  return labels ? `${name ?? ''}{${labels}}` : (name ?? '{}');
}

function formatOffset(offsetMs: number): string {
  if (offsetMs === 0) return '';
  return offsetMs > 0 ? ` offset ${formatPromDuration(offsetMs)}` : ` offset -${formatPromDuration(-offsetMs)}`;
}

function formatAggregate(aggregate: Aggregate): string {
  const { op, grouping, without, param, expr } = aggregate;
  let modifier = '';
  if (without) modifier = ` without (${grouping.join(', ')}) `;
  else if (grouping.length > 0) modifier = ` by (${grouping.join(', ')}) `;
  const args = param ? `${formatExpr(param)}, ${formatExpr(expr)}` : formatExpr(expr);
  return `${op}${modifier}(${args})`;
}

function formatBinary(binary: Binary): string {
  const { op, lhs, rhs, returnBool, matching } = binary;
  let modifiers = returnBool ? ' bool' : '';
  // Unlike Prometheus's printer, `ignoring () group_left` is kept: it is not `one-to-one`.
  const grouped = matching?.card === 'many-to-one' || matching?.card === 'one-to-many';
  if (matching && (matching.on || matching.labels.length > 0 || grouped)) {
    modifiers += ` ${matching.on ? 'on' : 'ignoring'} (${matching.labels.join(', ')})`;
    const side = matching.card === 'many-to-one' ? 'left' : 'right';
    if (grouped) modifiers += ` group_${side} (${matching.include.join(', ')})`;
  }
  return `${formatExpr(lhs)} ${op}${modifiers} ${formatExpr(rhs)}`;
}
