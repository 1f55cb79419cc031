import { Hono } from 'hono';
import { formatDuration } from '../../config/index.js';
import type { HttpServices } from '../../http/http-deps.js';
import { renderPage } from '../layout/ops-page.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { StatusBadge } from '../layout/status-badge.js';
import type { EnvironmentSettings } from './environment-settings.js';

/** `GET /environments`: each environment's state, URL, database address, probes, alert rules and backup settings, without secrets. */
export function environmentPages(services: HttpServices): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.get('/environments', async (c) => {
    const [states, firing] = await Promise.all([services.status.environments(), services.alerts.list({ state: 'firing' })]);
    const settings = new Map((services.environmentSettings?.() ?? []).map((s) => [s.name, s]));
    const body = (
      <div class="cards">
        {states.map((env) => (
          <section class="card" aria-labelledby={`env-${env.name}`} data-env={env.name}>
            <h2 id={`env-${env.name}`}>
              {env.name} <StatusBadge state={env.status} />
            </h2>
            <Settings settings={settings.get(env.name)} probes={env.probes.length} firing={firing.filter((a) => a.env === env.name).length} />
          </section>
        ))}
      </div>
    );
    return renderPage(c, { title: 'Environments', section: 'environments', body });
  });
  return app;
}

function Settings(props: { settings: EnvironmentSettings | undefined; probes: number; firing: number }) {
  const s = props.settings;
  const backups = s?.backups;
  return (
    <dl class="facts">
      <dt>URL</dt><dd>{s?.url ? <code>{s.url}</code> : '—'}</dd>
      <dt>Database</dt><dd>{s?.database ? <code>{s.database}</code> : '—'}</dd>
      <dt>Probes</dt><dd>{props.probes}</dd>
      <dt>Alert rules</dt><dd>{s ? s.alerts.length : '—'}{props.firing > 0 ? ` (${props.firing} firing)` : ''}</dd>
      <dt>Backups</dt>
      <dd>
        {backups ? (
          <ul class="plain">
            <li>schedule: {backups.schedule ? <code>{backups.schedule}</code> : 'on demand only'}</li>
            <li>repositories: {backups.repositories.map((r) => <code>{r}</code>)}</li>
            <li>encryption: {backups.encrypted ? 'yes' : 'no'}</li>
            <li>databases: {backups.databases.join(', ')}</li>
            <li>objectives: RPO {backups.rpoMs === null ? 'none' : formatDuration(backups.rpoMs)}, RTO {backups.rtoMs === null ? 'none' : formatDuration(backups.rtoMs)}</li>
          </ul>
        ) : (
          'not configured'
        )}
      </dd>
    </dl>
  );
}
