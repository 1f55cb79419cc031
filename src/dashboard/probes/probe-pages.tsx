import { Hono, type Context } from 'hono';
import { NotFoundError } from '../../errors.js';
import type { HttpServices, ProbeView } from '../../http/http-deps.js';
import { roleAllows } from '../../tokens/index.js';
import { readOperatorForm, withNotice } from '../forms/form-post.js';
import { csrfField } from '../access/index.js';
import { renderPage, When } from '../layout/ops-page.js';
import { notFoundPage } from '../layout/not-found-page.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { ProbeStateCell, probeEventName } from '../overview/probe-state-cell.js';
import { sanitizeReason } from './recent-failures.js';
import { probeHref } from './probe-href.js';
import { LatencySection, RecentFailureList, StateHistory } from './probe-sections.js';
import { parseRange, RANGES, type RangeName } from './probe-ranges.js';

const HISTORY_LIMIT = 50;

/**
 * `GET /probes/:env/:probe[?range=1h|24h|7d|30d]`: state, latency percentiles and chart,
 * state history and recent failures; `POST /probes/:env/:probe/run` (operator) runs it now.
 */
export function probePages(services: HttpServices): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.get('/probes/:env/:probe', async (c) => {
    const probe = await find(services, c);
    if (!probe) return notFound(c);
    return page(c, services, probe, parseRange(c.req.query('range')));
  });
  app.post('/probes/:env/:probe/run', async (c) => {
    const probe = await find(services, c);
    if (!probe) return notFound(c);
    const form = await readOperatorForm(c);
    if (!form.ok) return page(c, services, probe, '1h', { kind: 'error', text: form.message }, form.status);
    const result = await services.probes.runNow(probe.id);
    const text = `ran ${probe.id}: ${result.status}${result.status === 'up' ? '' : ` (${sanitizeReason(result.reason)})`}`;
    return c.redirect(withNotice(probeHref(probe.env, probe.name), text.slice(0, 300)), 303);
  });
  return app;
}

async function find(services: HttpServices, c: Context<DashboardEnv>): Promise<ProbeView | undefined> {
  try {
    return await services.probes.get(`${c.req.param('env')}/${c.req.param('probe')}`);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

function notFound(c: Context<DashboardEnv>) {
  return notFoundPage(c, `There is no probe ${c.req.param('env') ?? ''}/${c.req.param('probe') ?? ''}.`);
}

async function page(
  c: Context<DashboardEnv>, services: HttpServices, probe: ProbeView, range: RangeName,
  notice?: { kind: 'ok' | 'error'; text: string }, status: 200 | 403 = 200,
) {
  const now = services.now();
  const from = now - RANGES[range];
  const key = { id: probe.id, env: probe.env, name: probe.name };
  const history = services.probeHistory;
  const [latency, changes] = history
    ? await Promise.all([history.latency(key, from, now), history.stateChanges(key, from, now, HISTORY_LIMIT)])
    : [undefined, []];
  const href = (r: RangeName) => `${probeHref(probe.env, probe.name)}?range=${r}`;
  const operator = roleAllows(c.get('caller').role, 'operator');
  const body = (
    <>
      <dl class="facts">
        <dt>State</dt>
        <dd sse-swap={probeEventName(probe.id)}><ProbeStateCell status={probe.status} reason={probe.reason} /></dd>
        <dt>Since</dt><dd>{probe.since === null ? '–' : <When at={probe.since} now={now} />}</dd>
        <dt>Last run</dt><dd>{probe.lastRun === null ? 'never' : <When at={probe.lastRun} now={now} />}</dd>
        <dt>Kind</dt><dd>{probe.kind}</dd>
        <dt>Checks</dt><dd>{probe.target}</dd>
        <dt>Every</dt><dd>{`${Math.round(probe.everyMs / 1000)} s`}</dd>
      </dl>
      {operator && (
        <form method="post" action={`${probeHref(probe.env, probe.name)}/run`}>
          {csrfField(c)}
          <button type="submit">Run now</button>
        </form>
      )}
      {latency ? <LatencySection latency={latency} range={range} href={href} /> : <p class="muted">No history is recorded here.</p>}
      <StateHistory changes={changes} now={now} />
      <RecentFailureList failures={history?.recentFailures(probe.id) ?? []} now={now} />
    </>
  );
  return renderPage(c, { title: probe.id, section: 'probes', ...(notice ? { notice } : {}), body }, status);
}
