import type { FamilySample, MetricFamily } from '../../probe.js';

/**
 * Adds guardia's target labels (`env`, `job`, `instance`) to every sample, as Prometheus
 * does: a target's own label of the same name is kept as `exported_<name>` (prefixed
 * again while that is taken too), unless `honorLabels`, when the target's value wins.
 * Empty label values are dropped, since Prometheus treats them as absent.
 */
export function addTargetLabels(families: MetricFamily[], target: Record<string, string>, honorLabels: boolean): MetricFamily[] {
  return families.map((family) => ({ ...family, samples: family.samples.map((sample) => relabel(sample, target, honorLabels)) }));
}

function relabel(sample: FamilySample, target: Record<string, string>, honorLabels: boolean): FamilySample {
  const labels: Record<string, string> = {};
  for (const [name, value] of Object.entries(sample.labels)) if (value !== '') labels[name] = value;
  for (const [name, value] of Object.entries(target)) {
    const own = labels[name];
    if (own !== undefined && honorLabels) continue;
    if (own !== undefined) labels[freeName(`exported_${name}`, labels)] = own;
    labels[name] = value;
  }
  return { ...sample, labels };
}

function freeName(name: string, labels: Record<string, string>): string {
  return labels[name] === undefined ? name : freeName(`exported_${name}`, labels);
}

/** `host:port` of a target URL, with the scheme's default port when the URL has none. */
export function targetInstance(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  return `${parsed.hostname}:${port}`;
}
