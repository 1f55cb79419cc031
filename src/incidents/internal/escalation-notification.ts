import type { Notification, NotifiedAlert } from '../../notifiers/index.js';
import type { Incident, IncidentAlert } from '../incident.js';

/** What one escalation step sends to one channel; the key makes a step go out once per channel, whatever restarts. */
export function escalationNotification(
  incident: Incident,
  alerts: IncidentAlert[],
  position: { round: number; step: number },
  channel: string,
  links: { externalUrl: string; ackUrl: string },
): Notification {
  const firing = alerts.filter((a) => a.state === 'firing');
  const notified = (firing.length > 0 ? firing : alerts).map(
    (a): NotifiedAlert => ({
      status: a.state,
      labels: a.labels,
      annotations: a.annotations,
      startsAt: a.firedAt,
      endsAt: a.resolvedAt,
      fingerprint: a.fingerprint,
      generatorUrl: `${links.externalUrl}/api/v1/incidents/${incident.id}`,
    }),
  );
  const step = position.step + 1;
  const annotations: Record<string, string> = {
    summary: `[${incident.severity}] ${incident.title}: not acknowledged (escalation step ${step}${position.round > 0 ? `, round ${position.round + 1}` : ''})`,
    ack_url: links.ackUrl,
    incident_url: `${links.externalUrl}/api/v1/incidents/${incident.id}`,
  };
  if (incident.runbook) annotations.runbook = incident.runbook;
  return {
    key: `incident:${incident.id}:escalation:${position.round}:${position.step}`,
    channel,
    status: 'firing',
    groupKey: `incident:${incident.id}`,
    groupLabels: { incident: incident.id },
    commonLabels: { incident: incident.id, incident_severity: incident.severity, ...(incident.env ? { env: incident.env } : {}) },
    commonAnnotations: annotations,
    alerts: notified,
    externalUrl: links.externalUrl,
  };
}
