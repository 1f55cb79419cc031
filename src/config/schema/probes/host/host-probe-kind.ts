import * as z from 'zod';
import { GOT } from '../../../problems/path-problem.js';
import type { HostProbeSpec } from '../../../resolved-config.js';
import { optional } from '../../internal/optional-field.js';
import { containerError, typeError } from '../../internal/parsed-text.js';
import { percentField } from '../../internal/percent-field.js';
import { strictMapping } from '../../internal/strict-mapping.js';
import { defineProbeKind } from '../probe-kind.js';

/** Defaults mean "close to exhaustion"; alert rules on the series carry each team's own thresholds. */
export const DEFAULT_HOST_THRESHOLDS = { cpu: 0.9, memory: 0.9, disk: 0.9 } as const;

const MOUNT_EXPECTED = `expected an absolute mount point like "/var/lib/postgresql"${GOT}`;
const mountPoint = z.string({ error: typeError(MOUNT_EXPECTED) }).refine((text) => text.startsWith('/'), { error: MOUNT_EXPECTED });

const hostSchema = strictMapping(
  {
    mounts: optional(
      z.array(mountPoint, { error: containerError(`expected a list of mount points like ["/", "/var/lib/postgresql"]${GOT}`) }).min(1),
    ).describe('Mount points whose disk usage is reported. Default: every real (non-pseudo, writable) filesystem in /proc/mounts.'),
    cpu_degraded_over: optional(percentField()).describe('Degraded when CPU usage since the last run exceeds this, e.g. `80%`. Default: 90%.'),
    memory_degraded_over: optional(percentField()).describe(
      'Degraded when used memory (1 - MemAvailable/MemTotal) exceeds this, e.g. `80%`. Default: 90%.',
    ),
    disk_degraded_over: optional(percentField()).describe('Degraded when a filesystem is fuller than this, e.g. `90%`. Default: 90%.'),
  },
  'a mapping like {} or { mounts: ["/"], disk_degraded_over: 90% }',
).describe('The machine guardia runs on (Linux): CPU, memory, disk, load, from /proc and statfs. `{}` for the defaults.');

/** `host:` probes: resource usage of the machine guardia runs on. */
export const hostProbeKind = defineProbeKind({
  key: 'host',
  shape: { host: hostSchema },
  resolve(input) {
    const own = input.host;
    const host: HostProbeSpec = {
      cpuDegradedOver: own.cpu_degraded_over ?? DEFAULT_HOST_THRESHOLDS.cpu,
      memoryDegradedOver: own.memory_degraded_over ?? DEFAULT_HOST_THRESHOLDS.memory,
      diskDegradedOver: own.disk_degraded_over ?? DEFAULT_HOST_THRESHOLDS.disk,
      ...(own.mounts !== undefined ? { mounts: [...new Set(own.mounts)] } : {}),
    };
    return { kind: 'host', host };
  },
});
