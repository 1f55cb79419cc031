import type { ProbeMetric } from '../../probe.js';
import type { DiskUsage } from './disk-usage.js';
import type { LoadAverage } from './load-average.js';
import type { MemoryInfo } from './memory-info.js';

/** One reading of the machine. */
export interface HostReading {
  cpuUsage: number;
  cpus: number;
  memory: MemoryInfo;
  load: LoadAverage;
  disks: DiskUsage[];
}

/** The series of one host run. */
export function hostMetrics(reading: HostReading): ProbeMetric[] {
  const gauge = (name: string, help: string, value: number, labels?: Record<string, string>): ProbeMetric =>
    labels ? { name, help, type: 'gauge', labels, value } : { name, help, type: 'gauge', value };
  const { memory, load } = reading;
  const metrics = [
    gauge('guardia_host_cpu_usage_ratio', 'Share of time the CPUs were busy since the previous run (0-1).', reading.cpuUsage),
    gauge('guardia_host_cpus', 'Logical CPUs of the host.', reading.cpus),
    gauge('guardia_host_memory_used_ratio', 'Share of memory in use: 1 - MemAvailable / MemTotal (0-1).', 1 - memory.availableBytes / memory.totalBytes),
    gauge('guardia_host_memory_available_bytes', 'Memory available to new work without swapping (MemAvailable).', memory.availableBytes),
    gauge('guardia_host_load1', 'Load average over 1 minute.', load.load1),
    gauge('guardia_host_load5', 'Load average over 5 minutes.', load.load5),
    gauge('guardia_host_load15', 'Load average over 15 minutes.', load.load15),
  ];
  for (const disk of reading.disks) {
    const labels = { mount: disk.mount };
    metrics.push(gauge('guardia_host_disk_used_ratio', 'Share of a filesystem in use, as df computes it (0-1).', disk.usedRatio, labels));
    metrics.push(gauge('guardia_host_disk_free_bytes', 'Bytes of a filesystem an unprivileged process can still write.', disk.freeBytes, labels));
  }
  return metrics;
}
