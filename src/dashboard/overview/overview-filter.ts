import type { ProbeView } from '../../http/http-deps.js';

export const STATES = ['up', 'degraded', 'down', 'unknown'] as const;

/** The overview's filters, from its query string; unknown values are dropped, not errors. */
export interface OverviewFilter {
  env?: string;
  state?: (typeof STATES)[number];
  /** Case-insensitive text matched against name, environment, kind and target. */
  q?: string;
}

const MAX_TEXT = 200;

/** Reads `env`, `state` and `q` from a query; blank or invalid values mean "any". */
export function parseOverviewFilter(query: Record<string, string | undefined>): OverviewFilter {
  const filter: OverviewFilter = {};
  const env = query.env?.trim();
  if (env) filter.env = env.slice(0, MAX_TEXT);
  const state = STATES.find((s) => s === query.state);
  if (state) filter.state = state;
  const q = query.q?.trim();
  if (q) filter.q = q.slice(0, MAX_TEXT);
  return filter;
}

/** The probes that pass `filter`, in their given order. */
export function filterProbes(probes: readonly ProbeView[], filter: OverviewFilter): ProbeView[] {
  const text = filter.q?.toLowerCase();
  return probes.filter(
    (p) =>
      (filter.env === undefined || p.env === filter.env) &&
      (filter.state === undefined || p.status === filter.state) &&
      (text === undefined || [p.name, p.env, p.kind, p.target].some((field) => field.toLowerCase().includes(text))),
  );
}

/** The overview URL for `filter` at `page` (page 1 is left out). */
export function overviewHref(filter: OverviewFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter.env) params.set('env', filter.env);
  if (filter.state) params.set('state', filter.state);
  if (filter.q) params.set('q', filter.q);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}
