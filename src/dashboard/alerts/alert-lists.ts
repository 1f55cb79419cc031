import type { AlertInstance, Severity } from '../../alerts/index.js';
import type { HttpServices } from '../../http/http-deps.js';
import { allHold, type Silence } from '../../notifiers/index.js';

/** Server-side filter of the alerts page (`?env=&severity=`). */
export interface AlertPageFilter {
  env?: string;
  severity?: Severity;
}

/** What the alerts page shows: active alerts split by state, those an active silence covers apart. */
export interface AlertLists {
  firing: AlertInstance[];
  pending: AlertInstance[];
  silenced: AlertInstance[];
  silences: Silence[];
}

/** Reads alerts and silences once and sorts each alert into firing, pending or silenced. */
export async function loadAlertLists(services: HttpServices, filter: AlertPageFilter): Promise<AlertLists> {
  const [alerts, silences] = await Promise.all([services.alerts.list(filter.env ? { env: filter.env } : {}), services.silences.list()]);
  const active = silences.filter((s) => s.state === 'active');
  const lists: AlertLists = { firing: [], pending: [], silenced: [], silences };
  for (const alert of alerts) {
    if (alert.state === 'resolved' || (filter.severity && alert.severity !== filter.severity)) continue;
    if (active.some((s) => allHold(s.matchers, alert.labels))) lists.silenced.push(alert);
    else lists[alert.state].push(alert);
  }
  return lists;
}
