import type { HostProbeSpec } from '../../config/resolved-config.js';
import { abortReason } from '../internal/abort-reason.js';
import { errorReason } from '../internal/error-reason.js';
import { formatPercent } from '../internal/format-percent.js';
import type { Probe, ProbeContext, ProbeOutcome } from '../probe.js';
import { systemHostReaders, type HostReaders } from './host-readers.js';
import { cpuUsage, readCpuTimes, type CpuTimes } from './internal/cpu-times.js';
import { readDiskUsage, type DiskUsage } from './internal/disk-usage.js';
import { hostMetrics, type HostReading } from './internal/host-metrics.js';
import { readLoadAverage } from './internal/load-average.js';
import { readMemoryInfo } from './internal/memory-info.js';
import { readRealMounts } from './internal/real-mounts.js';

/** The first run has no previous CPU reading; it measures over this long (or a quarter of its timeout). */
const FIRST_CPU_SAMPLE_MS = 1_000;

/**
 * Probes the machine guardia runs on (Linux): CPU usage between runs, memory, load, and
 * disk usage per mount, from `/proc` and `statfs`. Degraded over the configured thresholds.
 */
export class HostProbe implements Probe {
  readonly kind = 'host';
  private previousCpu: CpuTimes | undefined;

  constructor(
    private readonly spec: HostProbeSpec,
    private readonly readers: HostReaders = systemHostReaders,
  ) {}

  async run(ctx: ProbeContext): Promise<ProbeOutcome> {
    let reading: HostReading;
    const unreadable: string[] = [];
    try {
      const { usage, cpus } = await this.readCpu(ctx);
      const { procDir } = this.readers;
      const [memory, load, disks] = await Promise.all([readMemoryInfo(procDir), readLoadAverage(procDir), this.readDisks(unreadable)]);
      reading = { cpuUsage: usage, cpus, memory, load, disks };
    } catch (error) {
      if (ctx.signal.aborted) return { status: 'down', reason: abortReason(ctx.signal, ctx.timeoutMs) };
      return { status: 'down', reason: `cannot read the host: ${errorReason(error)}` };
    }
    return { ...this.judge(reading, unreadable), metrics: hostMetrics(reading) };
  }

  private async readCpu(ctx: ProbeContext): Promise<{ usage: number; cpus: number }> {
    let before = this.previousCpu;
    if (!before) {
      before = await readCpuTimes(this.readers.procDir);
      await ctx.clock.sleep(Math.min(FIRST_CPU_SAMPLE_MS, ctx.timeoutMs / 4), ctx.signal);
    }
    const now = await readCpuTimes(this.readers.procDir);
    this.previousCpu = now;
    return { usage: cpuUsage(before, now), cpus: now.cpus };
  }

  /** Usage of each mount; a configured mount that cannot be read is noted rather than failing the whole probe. */
  private async readDisks(unreadable: string[]): Promise<DiskUsage[]> {
    const configured = this.spec.mounts;
    const mounts = configured ?? (await readRealMounts(this.readers.procDir));
    const results = await Promise.allSettled(mounts.map((mount) => readDiskUsage(this.readers, mount)));
    const disks: DiskUsage[] = [];
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') disks.push(result.value);
      // A mount listed in /proc/mounts can still refuse statfs (permissions); only configured ones matter.
      else if (configured) unreadable.push(`cannot read ${mounts[i]}: ${errorReason(result.reason)}`);
    });
    return disks;
  }

  private judge(reading: HostReading, unreadable: string[]): Pick<ProbeOutcome, 'status' | 'reason'> {
    const { spec } = this;
    const memoryUsed = 1 - reading.memory.availableBytes / reading.memory.totalBytes;
    const findings = [...unreadable];
    if (reading.cpuUsage > spec.cpuDegradedOver) findings.push(`cpu ${formatPercent(reading.cpuUsage)} > ${formatPercent(spec.cpuDegradedOver)}`);
    if (memoryUsed > spec.memoryDegradedOver) findings.push(`memory ${formatPercent(memoryUsed)} > ${formatPercent(spec.memoryDegradedOver)}`);
    for (const disk of reading.disks) {
      if (disk.usedRatio > spec.diskDegradedOver) findings.push(`disk ${disk.mount} ${formatPercent(disk.usedRatio)} > ${formatPercent(spec.diskDegradedOver)}`);
    }
    if (findings.length > 0) return { status: 'degraded', reason: findings.join('; ') };
    const fullest = reading.disks.reduce<DiskUsage | undefined>((max, disk) => (!max || disk.usedRatio > max.usedRatio ? disk : max), undefined);
    const disk = fullest ? `, disk ${fullest.mount} ${formatPercent(fullest.usedRatio)}` : '';
    return { status: 'up', reason: `cpu ${formatPercent(reading.cpuUsage)}, memory ${formatPercent(memoryUsed)}${disk}` };
  }
}
