import { describe, expect, it } from 'vitest';
import { promtoolCheckMetrics } from '../../test/support/promtool.js';
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
