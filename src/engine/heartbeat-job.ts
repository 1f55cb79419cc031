import { HeartbeatPinger } from '../alerts/index.js';
import type { Logger } from '../logging/index.js';
import type { Job } from '../scheduler/index.js';
import type { Guardia } from './open-guardia.js';

/**
 * The outbound heartbeat job (`alerting.heartbeat`), or undefined when none is configured:
 * pings the external dead man's switch while the job `evaluationJobId` keeps evaluating rules.
 */
export function heartbeatJob(guardia: Guardia, log: Logger, evaluationJobId: string): Job | undefined {
  const { config, clock, events } = guardia;
  if (!config.alerting.heartbeat) return undefined;
  const pinger = new HeartbeatPinger({
    config: config.alerting.heartbeat,
    clock,
    events,
    evaluationJobId,
    evaluationIntervalMs: config.alerting.evaluationIntervalMs,
    project: config.project,
    // The URL usually carries the check's secret id: never logged.
    onSkip: (reason, error) => log.warn(error === undefined ? {} : { err: error }, reason),
  });
  pinger.start();
  return pinger.toJob();
}
