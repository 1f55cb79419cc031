/** A component's public state, from its probe's: up, degraded, down, not yet run. */
export type ComponentState = 'operational' | 'degraded' | 'outage' | 'unknown';

/** One day of a component's uptime bar; `uptime` is a percentage, null when there was no data. */
export interface UptimeDay {
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  uptime: number | null;
}

export interface PublicComponent {
  name: string;
  status: ComponentState;
  /** Percentage over the days with data, null when there was none. */
  uptime90d: number | null;
  /** 90 days, oldest first; the last is today (so far). */
  days: UptimeDay[];
}

/** An open incident affecting the page's components: a public title, and public updates only. */
export interface PublicIncident {
  id: string;
  title: string;
  status: 'investigating' | 'identified';
  /** The component state it causes. */
  impact: 'degraded' | 'outage';
  components: string[];
  startedAt: number;
  updates: { at: number; text: string }[];
}

/** A maintenance window (from `maintenance:`) that is open or starts within the next 7 days. */
export interface PublicMaintenance {
  name: string;
  startsAt: number;
  endsAt: number;
  active: boolean;
}

/**
 * Everything `/status/<env>` shows and `/status/<env>.json` returns: public names and
 * states only — never probe targets, reasons, hostnames or internal ids.
 */
export interface StatusPageReport {
  environment: string;
  title: string;
  description?: string;
  status: ComponentState;
  components: PublicComponent[];
  incidents: PublicIncident[];
  maintenance: PublicMaintenance[];
  /** Epoch ms. */
  generatedAt: number;
}

/** What the HTTP layer needs to serve status pages. */
export interface StatusPages {
  /** The report of an environment with a status page; undefined for any other name. */
  report(env: string): Promise<StatusPageReport | undefined>;
}

/** For a config where no environment has `status_page:`: every name answers 404. */
export const NO_STATUS_PAGES: StatusPages = { report: () => Promise.resolve(undefined) };
