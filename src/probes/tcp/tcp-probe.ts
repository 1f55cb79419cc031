import { connect } from 'node:net';
import type { TcpProbeSpec } from '../../config/resolved-config.js';
import { abortReason } from '../internal/abort-reason.js';
import { errorReason } from '../internal/error-reason.js';
import type { Probe, ProbeContext, ProbeOutcome } from '../probe.js';

/** Probes a TCP port: up when a connection opens, down with the socket error otherwise. */
export class TcpProbe implements Probe {
  readonly kind = 'tcp';

  constructor(private readonly spec: TcpProbeSpec) {}

  run(ctx: ProbeContext): Promise<ProbeOutcome> {
    const { host, port } = this.spec;
    return new Promise((resolve) => {
      if (ctx.signal.aborted) return resolve({ status: 'down', reason: abortReason(ctx.signal, ctx.timeoutMs) });
      const socket = connect({ host, port });
      const finish = (outcome: ProbeOutcome) => {
        ctx.signal.removeEventListener('abort', onAbort);
        socket.destroy();
        resolve(outcome);
      };
      const onAbort = () => finish({ status: 'down', reason: abortReason(ctx.signal, ctx.timeoutMs) });
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      socket.once('connect', () => finish({ status: 'up', reason: `connected to ${host}:${port}` }));
      socket.once('error', (error) => finish({ status: 'down', reason: errorReason(error, `cannot connect to ${host}:${port}`) }));
    });
  }
}
