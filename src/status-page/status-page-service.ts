import type { EnvironmentConfig, MaintenanceWindowConfig } from '../config/index.js';
import type { ProbeStatus } from '../probes/probe.js';
import type { Tsdb } from '../tsdb/index.js';
import { publicIncidents, type IncidentReader } from './public-incidents.js';
import { publicMaintenance } from './public-maintenance.js';
import type { ComponentState, StatusPageReport, StatusPages } from './status-page-report.js';
import { readUptimeDays } from './uptime-days.js';

export interface StatusPageServiceDeps {
  /** Environments; those with `statusPage` have a page. */
  environments: readonly EnvironmentConfig[];
  /** `maintenance:` windows. */
  maintenance: readonly MaintenanceWindowConfig[];
  tsdb: Pick<Tsdb, 'queryRollup' | 'queryRange'>;
  /** Current status of an environment's probes, by probe name. */
  probeStatuses(env: string): Promise<{ name: string; status: ProbeStatus | 'unknown' }[]>;
  incidents: IncidentReader;
  now(): number;
}

const STATE: Record<ProbeStatus | 'unknown', ComponentState> = { up: 'operational', degraded: 'degraded', down: 'outage', unknown: 'unknown' };
const RANK: Record<ComponentState, number> = { unknown: 0, operational: 1, degraded: 2, outage: 3 };

/** Builds each environment's public status report from probe states, uptime rollups, incidents and maintenance. */
export class StatusPageService implements StatusPages {
  constructor(private readonly deps: StatusPageServiceDeps) {}

  async report(env: string): Promise<StatusPageReport | undefined> {
    const page = this.deps.environments.find((e) => e.name === env)?.statusPage;
    if (page === undefined) return undefined;
    const now = this.deps.now();
    const probes = page.components.map((c) => c.probe);
    const [statuses, uptime, incidents] = await Promise.all([
      this.deps.probeStatuses(env),
      readUptimeDays(this.deps.tsdb, env, probes, now),
      page.incidents ? publicIncidents(this.deps.incidents, env, page) : Promise.resolve([]),
    ]);
    const components = page.components.map((c) => {
      const probeUptime = uptime.get(c.probe);
      return {
        name: c.name,
        status: STATE[statuses.find((s) => s.name === c.probe)?.status ?? 'unknown'],
        uptime90d: probeUptime?.total ?? null,
        days: probeUptime?.days ?? [],
      };
    });
    return {
      environment: env,
      title: page.title,
      ...(page.description !== undefined ? { description: page.description } : {}),
      status: overall(components.map((c) => c.status)),
      components,
      incidents,
      maintenance: publicMaintenance(this.deps.maintenance, env, now),
      generatedAt: now,
    };
  }
}

/** The worst known state; `unknown` only when no component has run yet. */
function overall(states: readonly ComponentState[]): ComponentState {
  return states.reduce<ComponentState>((worst, state) => (RANK[state] > RANK[worst] ? state : worst), 'unknown');
}
