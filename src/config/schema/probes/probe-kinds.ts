import { heartbeatProbeKind } from './heartbeat/heartbeat-probe-kind.js';
import { hostProbeKind } from './host/host-probe-kind.js';
import { httpProbeKind } from './http/http-probe-kind.js';
import { postgresProbeKind } from './postgres/postgres-probe-kind.js';
import type { AnyProbeKind } from './probe-kind.js';
import { redisProbeKind } from './redis/redis-probe-kind.js';
import { scrapeProbeKind } from './scrape/scrape-probe-kind.js';
import { sqlProbeKind } from './sql/sql-probe-kind.js';
import { tcpProbeKind } from './tcp/tcp-probe-kind.js';

/** Every probe kind the config accepts; the order is the order of the schema's options. */
export const probeKinds: readonly AnyProbeKind[] = [
  httpProbeKind,
  tcpProbeKind,
  postgresProbeKind,
  sqlProbeKind,
  redisProbeKind,
  scrapeProbeKind,
  heartbeatProbeKind,
  hostProbeKind,
];
