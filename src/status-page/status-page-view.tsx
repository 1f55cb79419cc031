import type { FC } from 'hono/jsx';
import type { ComponentState, PublicComponent, PublicIncident, PublicMaintenance, StatusPageReport, UptimeDay } from './status-page-report.js';

/** The stylesheet's name under `/status/` (the CSP allows no inline style). */
export const STYLESHEET = 'status-page.css';

const STATE_TEXT: Record<ComponentState, string> = { operational: 'Operational', degraded: 'Degraded performance', outage: 'Outage', unknown: 'No data yet' };
const OVERALL_TEXT: Record<ComponentState, string> = {
  operational: 'All systems operational',
  degraded: 'Some systems have degraded performance',
  outage: 'Some systems are down',
  unknown: 'Status not known yet',
};

/** `2026-11-22 17:05 UTC`: the page is the same for every visitor, so times are in UTC. */
function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function level(uptime: number | null): string {
  if (uptime === null) return 'none';
  return uptime >= 99.9 ? 'ok' : uptime >= 99 ? 'minor' : 'down';
}

function dayText(day: UptimeDay): string {
  return day.uptime === null ? `${day.date}: no data` : `${day.date}: ${day.uptime}% uptime`;
}

const Bars: FC<{ days: UptimeDay[] }> = ({ days }) => (
  <ol class="bars">
    {days.map((day) => (
      <li class={level(day.uptime)} title={dayText(day)}>
        <span class="vh">{dayText(day)}</span>
      </li>
    ))}
  </ol>
);

const Component: FC<{ component: PublicComponent }> = ({ component }) => (
  <section class="component" aria-label={component.name}>
    <header>
      <strong>{component.name}</strong>
      <span class={`state ${component.status}`}>{STATE_TEXT[component.status]}</span>
    </header>
    <Bars days={component.days} />
    <div class="range muted">
      <span>{component.days.length} days ago</span>
      <span>{component.uptime90d === null ? 'no data' : `${component.uptime90d}% uptime`}</span>
      <span>today</span>
    </div>
  </section>
);

const Incident: FC<{ incident: PublicIncident }> = ({ incident }) => (
  <article>
    <h3>{incident.title}</h3>
    <p class="muted">
      {incident.status === 'identified' ? 'Identified' : 'Investigating'} · affects {incident.components.join(', ')} · since{' '}
      <time datetime={new Date(incident.startedAt).toISOString()}>{utc(incident.startedAt)}</time>
    </p>
    {incident.updates.length > 0 && (
      <ol>
        {incident.updates.map((update) => (
          <li>
            <time datetime={new Date(update.at).toISOString()}>{utc(update.at)}</time>
            <p>{update.text}</p>
          </li>
        ))}
      </ol>
    )}
  </article>
);

const Maintenance: FC<{ window: PublicMaintenance }> = ({ window }) => (
  <article>
    <h3>{window.name}</h3>
    <p class="muted">
      {window.active ? 'In progress' : 'Scheduled'}: <time datetime={new Date(window.startsAt).toISOString()}>{utc(window.startsAt)}</time> –{' '}
      <time datetime={new Date(window.endsAt).toISOString()}>{utc(window.endsAt)}</time>
    </p>
  </article>
);

const Page: FC<{ title: string; children?: unknown }> = ({ title, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <link rel="stylesheet" href={`/status/${STYLESHEET}`} />
    </head>
    <body>
      <main>{children}</main>
    </body>
  </html>
);

/** The public status page: server-rendered, no script, no form. */
export function renderStatusPage(report: StatusPageReport): string {
  const page = (
    <Page title={report.title}>
      <h1>{report.title}</h1>
      {report.description !== undefined && <p>{report.description}</p>}
      <p class={`banner ${report.status}`} role="status">
        {OVERALL_TEXT[report.status]}
      </p>
      {report.incidents.length > 0 && (
        <>
          <h2>Current incidents</h2>
          {report.incidents.map((incident) => (
            <Incident incident={incident} />
          ))}
        </>
      )}
      {report.maintenance.length > 0 && (
        <>
          <h2>Scheduled maintenance</h2>
          {report.maintenance.map((window) => (
            <Maintenance window={window} />
          ))}
        </>
      )}
      <h2>Components</h2>
      {report.components.map((component) => (
        <Component component={component} />
      ))}
      <p class="muted">
        Last updated <time datetime={new Date(report.generatedAt).toISOString()}>{utc(report.generatedAt)}</time>
      </p>
    </Page>
  );
  return `<!doctype html>${page.toString()}`;
}

/** The page for any name without a status page: it does not say which names have one. */
export function renderNotFoundPage(): string {
  const page = (
    <Page title="Not found">
      <h1>Not found</h1>
      <p>There is no status page here.</p>
    </Page>
  );
  return `<!doctype html>${page.toString()}`;
}
