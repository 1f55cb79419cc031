import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeClock, systemClock } from '../../clock/index.js';
import type { HostProbeSpec } from '../../config/resolved-config.js';
import type { ProbeMetric, ProbeOutcome } from '../probe.js';
import { HostProbe } from './host-probe.js';
import type { FilesystemStats, HostReaders } from './host-readers.js';

const root = mkdtempSync(join(tmpdir(), 'guardia-proc-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SPEC: HostProbeSpec = { cpuDegradedOver: 0.9, memoryDegradedOver: 0.9, diskDegradedOver: 0.9 };

/** `/proc/stat` whose aggregate line has these user/system/idle/iowait jiffies, with two CPUs. */
function stat(user: number, system: number, idle: number, iowait = 0): string {
  return `cpu  ${user} 0 ${system} ${idle} ${iowait} 0 0 0 0 0\ncpu0 1 0 1 1 0 0 0 0 0 0\ncpu1 1 0 1 1 0 0 0 0 0 0\nintr 12345\nctxt 999\n`;
}

const MEMINFO = 'MemTotal:       16000000 kB\nMemFree:         1000000 kB\nMemAvailable:    2240000 kB\nBuffers:           10000 kB\n';
const LOADAVG = '0.52 1.25 2.00 1/141 527\n';
const MOUNTS = [
  'proc /proc proc rw,relatime 0 0',
  'sysfs /sys sysfs rw,relatime 0 0',
  '/dev/vda1 / ext4 rw,relatime 0 0',
  'tmpfs /dev/shm tmpfs rw 0 0',
  'tmpfs /run tmpfs rw,nosuid 0 0',
  '/dev/vdb1 /var/lib/postgresql xfs rw,noatime 0 0',
  '/dev/vda1 /etc/hosts ext4 rw,relatime 0 0',
  '/dev/loop0 /snap/core/1 squashfs ro,nodev 0 0',
  '/dev/vdc1 /mnt/read\\040only ext4 ro,relatime 0 0',
  '/dev/vdd1 /srv/my\\040files ext4 rw,relatime 0 0',
  'overlay /var/lib/docker/overlay2/abc/merged overlay rw 0 0',
  'cgroup2 /sys/fs/cgroup cgroup2 rw 0 0',
].join('\n');

/** A fixture /proc directory. */
function procDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 'proc-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Fixed statfs figures per mount, in 4 KiB blocks; unknown mounts fail like a missing directory. */
function readers(dir: string, disks: Record<string, Omit<FilesystemStats, 'bsize'>>): HostReaders {
  return {
    procDir: dir,
    async statfs(path) {
      const disk = disks[path];
      if (!disk) throw Object.assign(new Error(`ENOENT: no such file or directory, statfs '${path}'`), { code: 'ENOENT' });
      return { bsize: 4096, ...disk };
    },
  };
}

const DISKS = {
  '/': { blocks: 1000, bfree: 500, bavail: 450 },
  '/var/lib/postgresql': { blocks: 1000, bfree: 40, bavail: 40 },
  '/srv/my files': { blocks: 100, bfree: 100, bavail: 100 },
};

function value(outcome: ProbeOutcome, name: string, labels: Record<string, string> = {}): number | undefined {
  const found: ProbeMetric | undefined = outcome.metrics?.find((m) => m.name === name && Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return found?.value;
}

/** Runs a host probe on a fake clock: the first run's CPU sample waits on it, so the test moves it on. */
async function runOnFakeClock(probe: HostProbe, clock: FakeClock, between?: () => void): Promise<ProbeOutcome> {
  const pending = probe.run({ signal: new AbortController().signal, clock, timeoutMs: 10_000 });
  await expect.poll(() => clock.pending).toBe(1);
  between?.();
  await clock.advance(1_000);
  return pending;
}

describe('HostProbe on fixture /proc files', () => {
  it('reports CPU, memory, load and real mounts, degraded over the thresholds', async () => {
    const dir = procDir({ stat: stat(100, 100, 800), meminfo: MEMINFO, loadavg: LOADAVG, mounts: MOUNTS });
    const probe = new HostProbe({ ...SPEC, memoryDegradedOver: 0.8 }, readers(dir, DISKS));
    const clock = new FakeClock();
    // Between the two readings of the first run: 300 busy and 700 idle jiffies pass.
    const outcome = await runOnFakeClock(probe, clock, () => writeFileSync(join(dir, 'stat'), stat(250, 250, 1500)));
    expect(outcome.status).toBe('degraded');
    expect(outcome.reason).toBe('memory 86 % > 80 %; disk /var/lib/postgresql 96 % > 90 %');
    expect(value(outcome, 'guardia_host_cpu_usage_ratio')).toBeCloseTo(0.3, 10);
    expect(value(outcome, 'guardia_host_cpus')).toBe(2);
    expect(value(outcome, 'guardia_host_memory_used_ratio')).toBeCloseTo(0.86, 10);
    expect(value(outcome, 'guardia_host_memory_available_bytes')).toBe(2_240_000 * 1024);
    expect([value(outcome, 'guardia_host_load1'), value(outcome, 'guardia_host_load5'), value(outcome, 'guardia_host_load15')]).toEqual([0.52, 1.25, 2]);
    const mounts = outcome.metrics?.filter((m) => m.name === 'guardia_host_disk_used_ratio').map((m) => m.labels?.mount);
    expect(mounts).toEqual(['/', '/var/lib/postgresql', '/srv/my files']);
    expect(value(outcome, 'guardia_host_disk_used_ratio', { mount: '/' })).toBeCloseTo(500 / 950, 10);
    expect(value(outcome, 'guardia_host_disk_free_bytes', { mount: '/' })).toBe(450 * 4096);
  });

  it('measures CPU between runs after the first', async () => {
    const dir = procDir({ stat: stat(0, 0, 1000), meminfo: MEMINFO, loadavg: LOADAVG, mounts: '' });
    const probe = new HostProbe({ ...SPEC, cpuDegradedOver: 0.8 }, readers(dir, {}));
    const clock = new FakeClock();
    const first = await runOnFakeClock(probe, clock);
    expect(value(first, 'guardia_host_cpu_usage_ratio')).toBe(0);
    expect(first).toMatchObject({ status: 'up', reason: 'cpu 0 %, memory 86 %' });
    writeFileSync(join(dir, 'stat'), stat(800, 100, 1100, 50));
    const second = await probe.run({ signal: new AbortController().signal, clock, timeoutMs: 10_000 });
    expect(value(second, 'guardia_host_cpu_usage_ratio')).toBeCloseTo(900 / 1050, 10);
    expect(second.reason).toBe('cpu 85.7 % > 80 %');
  });

  it('reports only the configured mounts, and names one it cannot read', async () => {
    const dir = procDir({ stat: stat(0, 0, 10), meminfo: MEMINFO, loadavg: LOADAVG, mounts: MOUNTS });
    const probe = new HostProbe({ ...SPEC, mounts: ['/', '/data'] }, readers(dir, DISKS));
    const outcome = await runOnFakeClock(probe, new FakeClock());
    expect(outcome.metrics?.filter((m) => m.name === 'guardia_host_disk_free_bytes').map((m) => m.labels?.mount)).toEqual(['/']);
    expect(outcome).toMatchObject({ status: 'degraded', reason: "cannot read /data: ENOENT: no such file or directory, statfs '/data'" });
  });

  it('falls back to free + buffers + cache on kernels without MemAvailable', async () => {
    const meminfo = 'MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 50 kB\nCached: 150 kB\n';
    const dir = procDir({ stat: stat(0, 0, 10), meminfo, loadavg: LOADAVG, mounts: '' });
    const outcome = await runOnFakeClock(new HostProbe(SPEC, readers(dir, {})), new FakeClock());
    expect(value(outcome, 'guardia_host_memory_used_ratio')).toBeCloseTo(0.7, 10);
  });

  it('is down when /proc cannot be read', async () => {
    const dir = procDir({ meminfo: MEMINFO });
    const outcome = await new HostProbe(SPEC, readers(dir, {})).run({ signal: new AbortController().signal, clock: new FakeClock(), timeoutMs: 1_000 });
    expect(outcome.status).toBe('down');
    expect(outcome.reason).toMatch(/^cannot read the host: ENOENT: no such file or directory, open '.*\/stat'$/);
  });
});

describe('HostProbe on this machine', () => {
  it('reads plausible figures from the real /proc and statfs', async () => {
    const outcome = await new HostProbe({ cpuDegradedOver: 1, memoryDegradedOver: 1, diskDegradedOver: 1 }).run({
      signal: new AbortController().signal,
      clock: systemClock,
      timeoutMs: 2_000,
    });
    expect(outcome.status).toBe('up');
    const ratio = (name: string) => value(outcome, name) ?? -1;
    expect(ratio('guardia_host_cpu_usage_ratio')).toBeGreaterThanOrEqual(0);
    expect(ratio('guardia_host_cpu_usage_ratio')).toBeLessThanOrEqual(1);
    expect(ratio('guardia_host_memory_used_ratio')).toBeGreaterThan(0);
    expect(ratio('guardia_host_memory_used_ratio')).toBeLessThan(1);
    expect(ratio('guardia_host_memory_available_bytes')).toBeGreaterThan(0);
    expect(ratio('guardia_host_cpus')).toBeGreaterThanOrEqual(1);
    expect(ratio('guardia_host_load1')).toBeGreaterThanOrEqual(0);
    const disks = outcome.metrics?.filter((m) => m.name === 'guardia_host_disk_used_ratio') ?? [];
    expect(disks.length).toBeGreaterThan(0);
    for (const disk of disks) {
      expect(disk.labels?.mount).toMatch(/^\//);
      expect(disk.value).toBeGreaterThanOrEqual(0);
      expect(disk.value).toBeLessThanOrEqual(1);
    }
  });
});
