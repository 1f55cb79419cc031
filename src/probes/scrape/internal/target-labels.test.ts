import { describe, expect, it } from 'vitest';
import type { MetricFamily } from '../../probe.js';
import { addTargetLabels, targetInstance } from './target-labels.js';

const family = (labels: Record<string, string>): MetricFamily[] => [{ name: 'x', help: '', type: 'gauge', samples: [{ name: 'x', labels, value: 1 }] }];
const target = { env: 'production', job: 'node', instance: '10.0.0.5:9100' };

describe('addTargetLabels', () => {
  it('adds env, job and instance', () => {
    expect(addTargetLabels(family({ mode: 'idle' }), target, false)[0]?.samples[0]?.labels).toEqual({ mode: 'idle', ...target });
  });

  it('keeps clashing target labels as exported_*, prefixing again while the name is taken', () => {
    const labels = addTargetLabels(family({ job: 'backup', exported_job: 'older', instance: 'x' }), target, false)[0]?.samples[0]?.labels;
    expect(labels).toEqual({ ...target, exported_job: 'older', exported_exported_job: 'backup', exported_instance: 'x' });
  });

  it('lets the target win with honor_labels', () => {
    expect(addTargetLabels(family({ job: 'backup' }), target, true)[0]?.samples[0]?.labels).toEqual({ job: 'backup', env: 'production', instance: '10.0.0.5:9100' });
  });

  it('drops empty label values, which Prometheus treats as absent', () => {
    expect(addTargetLabels(family({ job: '', mode: '' }), target, false)[0]?.samples[0]?.labels).toEqual(target);
  });
});

describe('targetInstance', () => {
  it('is host:port, with the default port of the scheme', () => {
    expect(targetInstance('http://127.0.0.1:9100/metrics')).toBe('127.0.0.1:9100');
    expect(targetInstance('https://metrics.example.com/metrics')).toBe('metrics.example.com:443');
    expect(targetInstance('http://example.com/metrics')).toBe('example.com:80');
    expect(targetInstance('http://[::1]:9100/metrics')).toBe('[::1]:9100');
  });
});
