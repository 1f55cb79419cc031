/** One benchmark rule: an alerting expression over one target's series. */
export interface BenchRule {
  name: string;
  expr: string;
}

const TEMPLATES: ((probe: string) => string)[] = [
  (p) => `guardia_probe_up{probe="${p}"} == 0`,
  (p) => `avg_over_time(guardia_probe_duration_seconds{probe="${p}"}[5m]) > 0.5`,
  (p) => `sum(rate(http_requests_total{probe="${p}",code="500"}[5m])) / sum(rate(http_requests_total{probe="${p}"}[5m])) > 0.05`,
  (p) => `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{probe="${p}"}[5m]))) > 0.3`,
  (p) => `increase(http_requests_total{probe="${p}",code="200"}[1h]) < 1`,
];

/** `count` rules cycling through typical alert shapes (down, slow, error ratio, p95, silence) over the targets. */
export function benchRules(count: number, targets: number): BenchRule[] {
  const rules: BenchRule[] = [];
  for (let i = 0; i < count; i++) {
    const template = TEMPLATES[i % TEMPLATES.length] as (probe: string) => string;
    const probe = `p${String(Math.floor(i / TEMPLATES.length) % targets).padStart(4, '0')}`;
    rules.push({ name: `rule_${i}`, expr: template(probe) });
  }
  return rules;
}

/** The rules as a Prometheus rule file: `groups` groups, alerting rules with `for`, labels and templated annotations. */
export function benchRuleFile(rules: readonly BenchRule[], groups: number): string {
  const lines = ['groups:'];
  const perGroup = Math.ceil(rules.length / groups);
  for (let g = 0; g < groups; g++) {
    lines.push(`  - name: bench-${g}`, '    interval: 10s', '    rules:');
    for (const rule of rules.slice(g * perGroup, (g + 1) * perGroup)) {
      lines.push(
        `      - alert: ${rule.name}`,
        `        expr: '${rule.expr}'`,
        '        for: 1m',
        '        labels: { severity: critical }',
        "        annotations: { summary: '{{ $labels.probe }} is at {{ $value | humanize }}' }",
      );
    }
  }
  return lines.join('\n') + '\n';
}
