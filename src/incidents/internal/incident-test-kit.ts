import { FakeClock } from '../../clock/index.js';
import type { IncidentsConfig } from '../../config/index.js';
import { createTsdb, type Tsdb } from '../../tsdb/index.js';
// Test-only reuse of the notifier tests' loopback receiver and alert builder.
import { alert, openPipeline, routingConfig, startReceiver, type PipelineRig, type Receiver } from '../../notifiers/routing/internal/pipeline-test-kit.js';
import { AckLinks } from '../ack-links.js';
import { IncidentRepository } from '../incident-repository.js';
import { IncidentService } from '../incident-service.js';
import { IncidentWatcher } from '../incident-watcher.js';

export { alert, startReceiver, type Receiver };

/** Escalation: `other` at once, `hook` after 15 minutes, again every 30 minutes while unacknowledged. */
export const ESCALATING = `incidents:
  open_on: [critical]
  correlate: 10m
  severities:
    SEV1: { respond: 5m, escalate: [ { after: 0m, notify: other }, { after: 15m, notify: [hook] } ], repeat: 30m }`;

export interface IncidentRig extends PipelineRig {
  config: IncidentsConfig;
  tsdb: Tsdb;
  repository: IncidentRepository;
  service: IncidentService;
  watcher: IncidentWatcher;
  ackLinks: AckLinks;
  /** Publishes alert transitions and waits until incidents and deliveries settle. */
  publish(...alerts: ReturnType<typeof alert>[]): Promise<void>;
  /** Advances the fake clock and waits until everything it started settled. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Incidents over a real notifier pipeline (in-memory store, real webhook channels at the receivers). */
export async function openIncidentRig(receivers: { hook: Receiver; other: Receiver }, yaml = ESCALATING): Promise<IncidentRig> {
  const config = await routingConfig(yaml, receivers);
  const rig = await openPipeline(config, { clock: new FakeClock(Date.UTC(2026, 2, 1, 12)) });
  const tsdb = createTsdb(rig.store);
  const repository = new IncidentRepository(rig.store);
  const service = new IncidentService({ repository, clock: rig.clock, config: config.incidents, tsdb });
  const ackLinks = new AckLinks(rig.store);
  const watcher = new IncidentWatcher({
    config: config.incidents, repository, service, clock: rig.clock, ackLinks,
    outbox: rig.pipeline.outbox,
    deliver: () => void rig.pipeline.tick(),
    externalUrl: 'http://127.0.0.1:4680',
    onError: (error) => {
      throw error;
    },
  });
  await watcher.start();
  const settle = async () => {
    await watcher.idle();
    await rig.pipeline.idle();
  };
  return {
    ...rig, config: config.incidents, tsdb, repository, service, watcher, ackLinks,
    async publish(...alerts) {
      for (const a of alerts) {
        rig.pipeline.handle(a);
        watcher.handle(a);
      }
      await settle();
    },
    async advance(ms) {
      await rig.clock.advance(ms);
      await settle();
    },
    async close() {
      await watcher.stop();
      await rig.pipeline.stop();
      await tsdb.close();
      await rig.store.close();
    },
  };
}
