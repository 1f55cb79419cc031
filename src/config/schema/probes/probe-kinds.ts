import { heartbeatProbeKind } from './heartbeat/heartbeat-probe-kind.js';
import { httpProbeKind } from './http/http-probe-kind.js';
import type { AnyProbeKind } from './probe-kind.js';
import { tcpProbeKind } from './tcp/tcp-probe-kind.js';

/** Every probe kind the config accepts; the order is the order of the schema's options. */
export const probeKinds: readonly AnyProbeKind[] = [httpProbeKind, tcpProbeKind, heartbeatProbeKind];
