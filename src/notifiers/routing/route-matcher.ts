import { createHash } from 'node:crypto';
import type { RouteConfig } from '../../config/index.js';

/** A route group: the alerts of one route sharing the values of its `group_by` labels. */
export interface GroupRef {
  /** `<route id>{<group labels>}` hashed: the group's id in the store and in notifications. */
  key: string;
  labels: Record<string, string>;
  route: RouteConfig;
}

function routeMatches(route: RouteConfig, labels: Readonly<Record<string, string>>): boolean {
  if (route.severity && !route.severity.includes(labels.severity as never)) return false;
  if (route.env && !route.env.includes(labels.env ?? '')) return false;
  for (const [name, value] of Object.entries(route.match)) if ((labels[name] ?? '') !== value) return false;
  for (const [name, source] of Object.entries(route.matchRe)) if (!new RegExp(`^(?:${source})$`).test(labels[name] ?? '')) return false;
  return true;
}

/** The routes an alert goes to: in order, stopping at the first match unless it says `continue`. */
export function matchingRoutes(routes: readonly RouteConfig[], labels: Readonly<Record<string, string>>): RouteConfig[] {
  const taken: RouteConfig[] = [];
  for (const route of routes) {
    if (!routeMatches(route, labels)) continue;
    taken.push(route);
    if (!route.continue) break;
  }
  return taken;
}

/** The group of `route` an alert with these labels belongs to. */
export function groupOf(route: RouteConfig, labels: Readonly<Record<string, string>>): GroupRef {
  const groupLabels: Record<string, string> = {};
  for (const name of route.groupBy) if (labels[name] !== undefined && labels[name] !== '') groupLabels[name] = labels[name];
  const text = `${route.id}${JSON.stringify(Object.entries(groupLabels).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
  return { key: createHash('sha256').update(text).digest('hex').slice(0, 16), labels: groupLabels, route };
}
