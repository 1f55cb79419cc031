import type { NotificationEnricher, NotifiedAlert } from '../notifiers/index.js';
import type { AckLinks } from './ack-links.js';
import type { IncidentRepository } from './incident-repository.js';

export interface IncidentLinksDeps {
  repository: IncidentRepository;
  ackLinks: AckLinks;
  externalUrl: string;
  /** Resolves once the incident watcher has handled every transition it was given. */
  settled: () => Promise<void>;
}

/**
 * Gives every notification about an alert held by an open incident that incident's page
 * (`incident_url`) and signed one-click acknowledge link (`ack_url`), as annotations.
 *
 * The notifier pipeline and the incident watcher both follow `alert:state`; the bus calls
 * its listeners synchronously and each only queues the work, so by the time the pipeline
 * builds a notification the watcher's queue already holds that transition. Waiting for the
 * watcher to settle therefore makes the incident a critical firing opens exist before its
 * first notification is written, without the pipeline knowing anything of incidents.
 */
export class IncidentLinks implements NotificationEnricher {
  constructor(private readonly deps: IncidentLinksDeps) {}

  async annotationsFor(alerts: readonly NotifiedAlert[]): Promise<Map<string, Record<string, string>>> {
    await this.deps.settled();
    const { repository, ackLinks, externalUrl } = this.deps;
    const base = externalUrl.replace(/\/+$/, '');
    const links = new Map<string, Record<string, string>>();
    for (const alert of alerts) {
      // An alert is held by one open incident in practice (correlation joins, it does not copy).
      const [id] = await repository.openWithAlert(alert.fingerprint);
      if (id === undefined) continue;
      links.set(alert.fingerprint, { incident_url: `${base}/api/v1/incidents/${id}`, ack_url: await ackLinks.url(base, id) });
    }
    return links;
  }
}
