import type { IncidentSeverity, StatusPageConfig } from '../config/index.js';
import type { Incident, IncidentDetail } from '../incidents/index.js';
import type { PublicIncident } from './status-page-report.js';

/** What the status page reads of incidents. */
export interface IncidentReader {
  /** Incidents not resolved. */
  list(): Promise<Incident[]>;
  detail(id: string): Promise<IncidentDetail>;
}

const TITLE_MAX = 120;

/**
 * The open incidents of `env` whose alerts concern a component's probe (label `probe`),
 * reduced to what the public may see: a title from the components and the impact (alert
 * summaries are internal) unless a public update gives one, and the public notes only.
 */
export async function publicIncidents(reader: IncidentReader, env: string, page: StatusPageConfig): Promise<PublicIncident[]> {
  const open = (await reader.list()).filter((incident) => incident.env === env && incident.status !== 'resolved');
  const details = await Promise.all(open.map((incident) => reader.detail(incident.id)));
  return details.flatMap((detail): PublicIncident[] => {
    const components = page.components
      .filter((c) => detail.alerts.some((alert) => alert.labels.probe === c.probe && alert.labels.env === env))
      .map((c) => c.name);
    if (components.length === 0) return [];
    const impact = impactOf(detail.severity);
    const updates = detail.timeline
      .filter((entry) => entry.kind === 'note' && entry.data?.public === true)
      .map((entry) => ({ at: entry.at, text: entry.text }))
      .sort((a, b) => b.at - a.at);
    const fromUpdate = updates.at(-1)?.text.split('\n')[0]?.trim().slice(0, TITLE_MAX);
    return [{
      id: detail.id,
      title: fromUpdate || `${impact === 'outage' ? 'Outage' : 'Degraded performance'}: ${components.join(', ')}`,
      status: detail.status === 'acknowledged' ? 'identified' : 'investigating',
      impact,
      components,
      startedAt: detail.openedAt,
      updates,
    }];
  });
}

/** SEV1 means the service is down for its users; lesser severities degrade it. */
function impactOf(severity: IncidentSeverity): 'degraded' | 'outage' {
  return severity === 'SEV1' ? 'outage' : 'degraded';
}
