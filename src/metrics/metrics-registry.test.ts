import { describe, expect, it } from 'vitest';
import { promtoolCheckMetrics } from '../../test/support/promtool.js';
import type { MetricFamily, ProbeMetric, ProbeResult } from '../probes/probe.js';
import { MetricsRegistry } from './metrics-registry.js';

describe('MetricsRegistry', () => {
  it('renders probe results, per-kind series and collected counters cleanly for promtool', async () => {
    const metrics = new MetricsRegistry();
    metrics.observeProbe({
      probeId: 'prod/api',
      env: 'prod',
      probe: 'api',
      kind: 'http',
      status: 'degraded',
      reason: 'slow',
      at: 0,
      durationMs: 812,
      attempts: 1,
      metrics: [{ name: 'guardia_probe_check_status', help: 'Sub-check.', type: 'gauge', labels: { check: 'db' }, value: 1 }],
    });
    metrics.observeLag(12);
    metrics.collectedCounter('guardia_tsdb_series_limit_exceeded_total', 'Dropped.', ['target'], () => [[{ target: 'prod/app' }, 3]]);
    const text = await metrics.render();
    expect(text).toContain('guardia_probe_up{env="prod",probe="api"} 1');
    expect(text).toContain('guardia_probe_state{env="prod",probe="api"} 1');
    expect(text).toContain('guardia_probe_duration_seconds{env="prod",probe="api"} 0.812');
    expect(text).toContain('guardia_probe_check_status{env="prod",probe="api",check="db"} 1');
    expect(text).toContain('guardia_tsdb_series_limit_exceeded_total{target="prod/app"} 3');
    expect(promtoolCheckMetrics(text)).toBe('');
  });
});

function result(metrics: ProbeMetric[], probe = 'cache'): ProbeResult {
  return { probeId: `prod/${probe}`, env: 'prod', probe, kind: 'redis', status: 'up', reason: 'PONG', at: 0, durationMs: 1, attempts: 1, metrics };
}

const evicted = (value: number): ProbeMetric => ({ name: 'guardia_redis_evicted_keys_total', help: 'Evicted keys.', type: 'counter', value });

describe('MetricsRegistry probe counters', () => {
  it('exposes a counter metric as a counter that follows the reading, resets included', async () => {
    const metrics = new MetricsRegistry();
    metrics.observeProbe(result([evicted(40)]));
    metrics.observeProbe(result([evicted(42)]));
    let text = await metrics.render();
    expect(text).toContain('# TYPE guardia_redis_evicted_keys_total counter');
    expect(text).toContain('guardia_redis_evicted_keys_total{env="prod",probe="cache"} 42');
    // The Redis server restarted: the count starts again, which Prometheus reads as a counter reset.
    metrics.observeProbe(result([evicted(3)]));
    metrics.observeProbe(result([evicted(5)], 'sessions'));
    text = await metrics.render();
    expect(text).toContain('guardia_redis_evicted_keys_total{env="prod",probe="cache"} 3');
    expect(text).toContain('guardia_redis_evicted_keys_total{env="prod",probe="sessions"} 5');
    expect(promtoolCheckMetrics(text)).toBe('');
  });

  it('ignores readings a counter cannot hold', async () => {
    const metrics = new MetricsRegistry();
    metrics.observeProbe(result([evicted(7)]));
    metrics.observeProbe(result([evicted(NaN)]));
    metrics.observeProbe(result([evicted(-1)]));
    expect(await metrics.render()).toContain('guardia_redis_evicted_keys_total{env="prod",probe="cache"} 7');
  });
});

const scraped = (instance: string): MetricFamily[] => [
  {
    name: 'node_cpu_seconds_total',
    help: 'Seconds the CPUs spent in each mode.',
    type: 'counter',
    samples: [{ name: 'node_cpu_seconds_total', labels: { cpu: '0', mode: 'idle', env: 'prod', job: 'node', instance }, value: 12.5 }],
  },
  {
    name: 'request_seconds',
    help: 'Latency.\nIn seconds \\ buckets.',
    type: 'histogram',
    samples: [
      { name: 'request_seconds_bucket', labels: { le: '0.1', path: '/a "b"\\c', instance }, value: 1 },
      { name: 'request_seconds_bucket', labels: { le: '+Inf', path: '/a "b"\\c', instance }, value: 2 },
      { name: 'request_seconds_sum', labels: { path: '/a "b"\\c', instance }, value: Infinity },
      { name: 'request_seconds_count', labels: { path: '/a "b"\\c', instance }, value: 2 },
    ],
  },
  { name: 'queue_depth', help: '', type: 'untyped', samples: [{ name: 'queue_depth', labels: { instance }, value: NaN }] },
];

describe('MetricsRegistry exposed families', () => {
  it('renders scraped families after its own, with HELP, TYPE and labels, cleanly for promtool', async () => {
    const metrics = new MetricsRegistry();
    metrics.exposeFamilies('prod/node', scraped('a:9100'));
    const text = await metrics.render();
    expect(text).toContain(
      '# HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.\n# TYPE node_cpu_seconds_total counter\n' +
        'node_cpu_seconds_total{cpu="0",mode="idle",env="prod",job="node",instance="a:9100"} 12.5\n',
    );
    expect(text).toContain('# HELP request_seconds Latency.\\nIn seconds \\\\ buckets.\n# TYPE request_seconds histogram\n');
    expect(text).toContain('request_seconds_bucket{le="+Inf",path="/a \\"b\\"\\\\c",instance="a:9100"} 2\n');
    expect(text).toContain('request_seconds_sum{path="/a \\"b\\"\\\\c",instance="a:9100"} +Inf\n');
    expect(text).toContain('# HELP queue_depth No help text given by the scraped target.\n# TYPE queue_depth untyped\nqueue_depth{instance="a:9100"} NaN\n');
    expect(text.indexOf('guardia_probe_up')).toBeLessThan(text.indexOf('node_cpu_seconds_total'));
    expect(promtoolCheckMetrics(text)).toBe('');
  });

  it('merges a family several probes expose and drops what would clash', async () => {
    const metrics = new MetricsRegistry();
    metrics.observeLag(1);
    metrics.exposeFamilies('prod/a', scraped('a:9100'));
    metrics.exposeFamilies('prod/b', [
      ...scraped('b:9100'),
      ...scraped('a:9100').slice(0, 1),
      { name: 'queue_depth', help: 'Now a gauge.', type: 'gauge', samples: [{ name: 'queue_depth', labels: {}, value: 1 }] },
      { name: 'request_seconds_count', help: 'Clashes.', type: 'gauge', samples: [{ name: 'request_seconds_count', labels: {}, value: 1 }] },
      { name: 'guardia_scheduler_lag_seconds', help: 'Mine.', type: 'gauge', samples: [{ name: 'guardia_scheduler_lag_seconds', labels: {}, value: 1 }] },
    ]);
    const text = await metrics.render();
    expect(text.match(/# TYPE node_cpu_seconds_total/g)).toHaveLength(1);
    expect(text.match(/^node_cpu_seconds_total\{/gm)).toHaveLength(2);
    expect(text).not.toContain('Now a gauge.');
    expect(text).not.toContain('Clashes.');
    expect(text).not.toContain('Mine.');
    expect(promtoolCheckMetrics(text)).toBe('');
  });

  it('stops showing a probe\'s families when it has none to expose', async () => {
    const metrics = new MetricsRegistry();
    metrics.exposeFamilies('prod/node', scraped('a:9100'));
    metrics.exposeFamilies('prod/node', undefined);
    expect(await metrics.render()).not.toContain('node_cpu_seconds_total');
  });
});
