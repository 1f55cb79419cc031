import type { Probe, ProbeContext, ProbeOutcome } from '../probe.js';
import type { HeartbeatProbeConfig } from './heartbeat-record.js';
import type { HeartbeatService } from './heartbeat-service.js';

/** A heartbeat probe: each run judges whether the pushed pings arrive on schedule. */
export class HeartbeatProbe implements Probe {
  readonly kind = 'heartbeat';

  constructor(
    private readonly config: HeartbeatProbeConfig,
    private readonly heartbeats: HeartbeatService,
  ) {}

  run(ctx: ProbeContext): Promise<ProbeOutcome> {
    return this.heartbeats.evaluate(this.config, ctx.clock.now());
  }
}
