import { Hono } from 'hono';
import type { AlertInstance } from '../../alerts/index.js';
import { NotFoundError } from '../../errors.js';
import { EventBus, type GuardiaEvents } from '../../events/index.js';
import type { HttpServices, ProbeView } from '../../http/http-deps.js';
import type { ProbeResult, ProbeStatus } from '../../probes/probe.js';
import { openMemoryStore } from '../../store/index.js';
import type { Role } from '../../tokens/index.js';
import { createTsdb, type AppendSample } from '../../tsdb/index.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { liveFeedOf } from '../live/live-feed.js';
import { RecentFailures } from '../probes/recent-failures.js';
import { TsdbProbeHistory } from '../probes/tsdb-probe-history.js';

export const NOW = Date.UTC(2026, 10, 22, 12);
export const CSRF = 'csrf-token-of-the-session';
const RAW_RETENTION = 48 * 3_600_000;

/** A probe view for tests. */
export function probeView(env: string, name: string, status: ProbeStatus | 'unknown', reason = ''): ProbeView {
  return { id: `${env}/${name}`, env, name, kind: 'http', target: `https://${name}.example/health`, everyMs: 30_000, status, reason, since: NOW - 600_000, lastRun: NOW - 10_000, durationMs: 12 };
}

/**
 * Services over a real in-memory tsdb and event bus, with probes and alerts as plain lists,
 * and an app that sets the caller the access middleware would.
 */
export async function dashboardFixture(probes: ProbeView[], options: { role?: Role; firing?: AlertInstance[] } = {}) {
  const store = await openMemoryStore();
  const tsdb = createTsdb(store, { rawRetentionMs: RAW_RETENTION });
  const events = new EventBus<GuardiaEvents>();
  const failures = new RecentFailures();
  events.on('probe:result', (r) => failures.observe(r));
  const runs: string[] = [];
  const services = {
    project: 'test',
    probes: {
      list: async () => probes,
      get: async (id: string) => {
        const found = probes.find((p) => p.id === id);
        if (!found) throw new NotFoundError(`no probe "${id}"`);
        return found;
      },
      runNow: async (id: string): Promise<ProbeResult> => {
        runs.push(id);
        const [env = '', probe = ''] = id.split('/');
        return { probeId: id, env, probe, kind: 'http', status: 'down', reason: 'HTTP 503', at: NOW, durationMs: 5, attempts: 1, metrics: [] };
      },
    },
    alerts: { list: async (f: { state?: string } = {}) => (options.firing ?? []).filter((a) => !f.state || a.state === f.state) },
    probeHistory: new TsdbProbeHistory({ tsdb, rawRetentionMs: RAW_RETENTION, failures, now: () => NOW }),
    live: liveFeedOf(events),
    now: () => NOW,
  } as unknown as HttpServices;
  const withCaller = (routes: Hono<DashboardEnv>) => {
    const app = new Hono<DashboardEnv>();
    app.use(async (c, next) => {
      c.set('caller', { name: 'alice', role: options.role ?? 'operator', via: 'session' });
      c.set('csrfToken', CSRF);
      await next();
    });
    app.route('/', routes);
    return app;
  };
  const write = async (samples: AppendSample[]) => {
    tsdb.append('test', samples);
    await tsdb.flush();
  };
  return { services, tsdb, events, runs, withCaller, write, close: () => tsdb.close().then(() => store.close()) };
}

/** One run of a probe as the runner writes it: up, state and duration. */
export function runSamples(env: string, probe: string, t: number, status: ProbeStatus, ms: number): AppendSample[] {
  const labels = { env, probe };
  return [
    { name: 'guardia_probe_up', labels, t, v: status === 'down' ? 0 : 1, type: 'gauge' },
    { name: 'guardia_probe_state', labels, t, v: { up: 0, degraded: 1, down: 2 }[status], type: 'gauge' },
    { name: 'guardia_probe_duration_seconds', labels, t, v: ms / 1000, type: 'gauge' },
  ];
}
