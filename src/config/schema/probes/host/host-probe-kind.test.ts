import { afterAll, describe, expect, it } from 'vitest';
import { loadText, problemsOf, removeTempDirs } from '../../../internal/config-test-kit.js';

afterAll(removeTempDirs);

const withProbes = (probes: string) => `project: demo\nenvironments:\n  production:\n    probes:\n${probes}`;

describe('host probes in guardia.yaml', () => {
  it('has defaults, and reads mounts and thresholds', async () => {
    const config = await loadText(
      withProbes(`      machine:
        host: {}
      db_host:
        host: { mounts: [/, /var/lib/postgresql, /], cpu_degraded_over: 80%, memory_degraded_over: 85%, disk_degraded_over: 90% }
`),
    );
    expect(config.environments[0]?.probes.map((p) => p.kind === 'host' && p.host)).toEqual([
      { cpuDegradedOver: 0.9, memoryDegradedOver: 0.9, diskDegradedOver: 0.9 },
      { cpuDegradedOver: 0.8, memoryDegradedOver: 0.85, diskDegradedOver: 0.9, mounts: ['/', '/var/lib/postgresql'] },
    ]);
  });

  it('reports bad options, each at its value', async () => {
    const problems = await problemsOf(
      withProbes(`      h:
        host: { mounts: [var/lib, 3], cpu_degraded_over: 80, memory_degraded_over: 120%, disk_degraded_over: "x" }
      i:
        host: { mounts: / }
      j:
        host: []
      k:
        host:
`),
    );
    expect(problems).toEqual([
      'guardia.yaml:6:26 environments.production.probes.h.host.mounts[0]: expected an absolute mount point like "/var/lib/postgresql", got "var/lib"',
      'guardia.yaml:6:35 environments.production.probes.h.host.mounts[1]: expected an absolute mount point like "/var/lib/postgresql", got "3"',
      'guardia.yaml:6:58 environments.production.probes.h.host.cpu_degraded_over: expected a percentage like "80%", got "80"',
      'guardia.yaml:6:84 environments.production.probes.h.host.memory_degraded_over: expected a percentage like "80%", got "120%"',
      'guardia.yaml:6:110 environments.production.probes.h.host.disk_degraded_over: expected a percentage like "80%", got "x"',
      'guardia.yaml:8:25 environments.production.probes.i.host.mounts: expected a list of mount points like ["/", "/var/lib/postgresql"], got "/"',
      'guardia.yaml:10:15 environments.production.probes.j.host: expected a mapping like {} or { mounts: ["/"], disk_degraded_over: 90% }, got an empty list',
      'guardia.yaml:12:14 environments.production.probes.k.host: expected a mapping like {} or { mounts: ["/"], disk_degraded_over: 90% }, got an empty value',
    ]);
  });
});
