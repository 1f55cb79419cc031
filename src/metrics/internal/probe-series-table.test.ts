import { describe, expect, it } from 'vitest';
import type { ProbeMetric, ProbeResult } from '../../probes/probe.js';
import { ProbeSeriesTable } from './probe-series-table.js';

function result(probe: string, metrics: ProbeMetric[] = []): ProbeResult {
  return { probeId: `prod/${probe}`, env: 'prod', probe, kind: 'http', status: 'up', reason: 'ok', at: 0, durationMs: 5, attempts: 1, metrics };
}

const check = (name: string, value: number): ProbeMetric => ({
  name: 'guardia_probe_check_status', help: 'Sub-check.', type: 'gauge', labels: { check: name }, value,
});

describe('ProbeSeriesTable', () => {
  it('keeps the latest value of each probe and label set, in first-seen order', () => {
    const table = new ProbeSeriesTable(() => false);
    table.define('guardia_probe_up', 'Up.', 'gauge');
    table.setOwn(result('a'), 'guardia_probe_up', 1);
    table.setOwn(result('b'), 'guardia_probe_up', 0);
    table.setOwn(result('a'), 'guardia_probe_up', NaN);
    table.observe(result('b'), check('db', 2));
    table.observe(result('a'), check('cache', 0));
    table.observe(result('b'), check('db', 1));
    expect(table.render()).toBe(
      '# HELP guardia_probe_up Up.\n# TYPE guardia_probe_up gauge\n' +
        'guardia_probe_up{env="prod",probe="a"} NaN\nguardia_probe_up{env="prod",probe="b"} 0\n' +
        '# HELP guardia_probe_check_status Sub-check.\n# TYPE guardia_probe_check_status gauge\n' +
        'guardia_probe_check_status{env="prod",probe="b",check="db"} 1\n' +
        'guardia_probe_check_status{env="prod",probe="a",check="cache"} 0\n',
    );
  });

  it('keeps every value when a label set spreads to most probes', () => {
    const table = new ProbeSeriesTable(() => false);
    for (let i = 0; i < 200; i++) table.observe(result(`p${i}`), check('db', i));
    table.observe(result('p7'), check('db', -1));
    const lines = table.render().split('\n').filter((l) => l.startsWith('guardia_probe_check_status{'));
    expect(lines).toHaveLength(200);
    expect(lines).toContain('guardia_probe_check_status{env="prod",probe="p7",check="db"} -1');
    expect(lines).toContain('guardia_probe_check_status{env="prod",probe="p199",check="db"} 199');
  });

  it('drops readings whose labels or type do not fit the family, and families whose name is taken', () => {
    const table = new ProbeSeriesTable((name) => name === 'guardia_scheduler_lag_seconds');
    table.observe(result('a'), check('db', 1));
    table.observe(result('a'), { ...check('db', 1), labels: { check: 'db', extra: 'x' } });
    table.observe(result('a'), { ...check('db', 1), type: 'counter' });
    table.observe(result('a'), { name: 'guardia_scheduler_lag_seconds', help: 'Mine.', type: 'gauge', value: 1 });
    expect(table.render().match(/^guardia_probe_check_status\{/gm)).toHaveLength(1);
    expect(table.render()).not.toContain('extra');
    expect(table.names()).toEqual(['guardia_probe_check_status']);
  });
});
