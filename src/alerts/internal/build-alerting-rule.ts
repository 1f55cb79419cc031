import type { AlertRuleConfig } from '../../config/index.js';
import { parseExpr, type Expr } from '../../promql/index.js';
import { AlertTemplate, type AlertingRule, type TemplatedField } from '../../rules/index.js';

/** The always-firing rule that proves the pipeline works end to end (`alerting.watchdog`). */
export const WATCHDOG_RULE: AlertRuleConfig = {
  name: 'Watchdog',
  env: undefined,
  expr: 'vector(1)',
  forMs: 0,
  keepFiringForMs: 0,
  severity: 'low',
  labels: { watchdog: 'true' },
  annotations: { summary: 'Always firing: when it stops arriving, alerting itself is broken.' },
};

/** A configured rule as the rules engine runs it: `severity` and `env` become labels. */
export function buildAlertingRule(config: AlertRuleConfig): AlertingRule {
  const labels: Record<string, string> = { ...config.labels, severity: config.severity };
  if (config.env !== undefined) labels.env = config.env;
  return {
    kind: 'alert',
    name: config.name,
    expr: parseExpr(config.expr),
    exprText: config.expr,
    forMs: config.forMs,
    keepFiringForMs: config.keepFiringForMs,
    labels: templated(labels, config.name),
    annotations: templated(config.annotations, config.name),
  };
}

function templated(texts: Record<string, string>, alert: string): TemplatedField[] {
  return Object.keys(texts)
    .sort()
    .map((name) => {
      const text = texts[name] as string;
      return { name, text, template: AlertTemplate.parse(text, alert) };
    });
}

/**
 * The probes (`env/probe`) whose series the expression pins with `env="…"` and `probe="…"`:
 * a new result of one of them is a reason to evaluate the rule at once.
 */
export function pinnedProbes(expr: Expr): string[] {
  const found = new Set<string>();
  const visit = (node: Expr): void => {
    switch (node.kind) {
      case 'vector': {
        const value = (name: string) => node.matchers.find((m) => m.name === name && m.op === '=')?.value;
        const env = value('env');
        const probe = value('probe');
        if (env !== undefined && probe !== undefined) found.add(`${env}/${probe}`);
        return;
      }
      case 'matrix':
        return visit(node.selector);
      case 'call':
        return node.args.forEach(visit);
      case 'aggregate':
        visit(node.expr);
        if (node.param) visit(node.param);
        return;
      case 'binary':
        visit(node.lhs);
        return visit(node.rhs);
      case 'unary':
      case 'paren':
        return visit(node.expr);
      default:
        return;
    }
  };
  visit(expr);
  return [...found];
}
