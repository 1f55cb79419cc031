import { Hono, type Context } from 'hono';
import type { Severity } from '../../alerts/index.js';
import type { HttpServices } from '../../http/http-deps.js';
import { roleAllows } from '../../tokens/index.js';
import { csrfField } from '../access/index.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { loadAlertLists, type AlertPageFilter } from './alert-lists.js';
import { AlertTable, SilenceForm, SilenceTable, type SilenceDraft } from './alert-views.js';
import { readOperatorForm, withNotice } from '../forms/form-post.js';
import { renderPage } from '../layout/ops-page.js';
import { parseSilenceForm } from './silence-form.js';

const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/**
 * `GET /alerts[?env=&severity=]` (firing, pending, silenced; silences), `GET /alerts/lists`
 * (the same lists alone, what the page refreshes live), and for operators
 * `POST /alerts/silences` and `POST /alerts/silences/:id/expire`, redirecting back with a notice.
 */
export function alertPages(services: HttpServices): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.get('/alerts', async (c) => page(c, services));
  app.get('/alerts/lists', async (c) => c.html(await lists(c, services, filterOf(c))));
  app.post('/alerts/silences', async (c) => {
    const form = await readOperatorForm(c);
    if (!form.ok) return page(c, services, { kind: 'error', text: form.message }, form.status);
    const parsed = parseSilenceForm(form.fields, c.get('caller').name, services.now());
    if (!parsed.ok) return page(c, services, { kind: 'error', text: parsed.message }, 400, draftOf(form.fields));
    const silence = await services.silences.add(parsed.silence);
    return c.redirect(withNotice('/alerts', `silenced until ${new Date(silence.endsAt).toISOString()} (silence ${silence.id})`), 303);
  });
  app.post('/alerts/silences/:id/expire', async (c) => {
    const form = await readOperatorForm(c);
    if (!form.ok) return page(c, services, { kind: 'error', text: form.message }, form.status);
    const silence = await services.silences.expire(c.req.param('id'));
    return c.redirect(withNotice('/alerts', `silence ${silence.id} expired`), 303);
  });
  return app;
}

function filterOf(c: Context<DashboardEnv>): AlertPageFilter {
  const env = c.req.query('env') || undefined;
  const severity = SEVERITIES.find((s) => s === c.req.query('severity'));
  return { ...(env ? { env } : {}), ...(severity ? { severity } : {}) };
}

async function lists(c: Context<DashboardEnv>, services: HttpServices, filter: AlertPageFilter) {
  const loaded = await loadAlertLists(services, filter);
  const common = { now: services.now(), csrf: csrfField(c), canWrite: roleAllows(c.get('caller').role, 'operator') };
  return (
    <>
      <AlertTable id="firing" title="Firing" alerts={loaded.firing} {...common} />
      <AlertTable id="pending" title="Pending" alerts={loaded.pending} {...common} />
      <AlertTable id="silenced" title="Silenced" alerts={loaded.silenced} {...common} />
      <SilenceTable silences={loaded.silences} {...common} />
    </>
  );
}

/** The refused silence post's own fields, to fill the form again. */
function draftOf(fields: Record<string, string>): SilenceDraft {
  return { matchers: fields.matchers, duration: fields.duration, customDuration: fields.customDuration, comment: fields.comment };
}

async function page(c: Context<DashboardEnv>, services: HttpServices, notice?: { kind: 'ok' | 'error'; text: string }, status: 200 | 400 | 403 = 200, draft?: SilenceDraft) {
  const filter = filterOf(c);
  const envs = (await services.status.environments()).map((e) => e.name);
  const query = new URLSearchParams(filter as Record<string, string>).toString();
  const body = (
    <>
      <form method="get" action="/alerts" class="filters">
        <label for="alerts-env">Environment</label>
        <select id="alerts-env" name="env">
          <option value="">all</option>
          {envs.map((e) => <option value={e} selected={e === filter.env}>{e}</option>)}
        </select>
        <label for="alerts-severity">Severity</label>
        <select id="alerts-severity" name="severity">
          <option value="">all</option>
          {SEVERITIES.map((s) => <option value={s} selected={s === filter.severity}>{s}</option>)}
        </select>
        <button type="submit">Filter</button>
      </form>
      {draft ? (
        <section aria-labelledby="draft-title" id="silence-draft">
          <h2 id="draft-title">Silence not created</h2>
          <p>Fix what the message above says and send it again.</p>
          <SilenceForm idPrefix="silence-draft" csrf={csrfField(c)} draft={draft} open />
        </section>
      ) : null}
      <div id="alert-lists" hx-get={`/alerts/lists${query ? `?${query}` : ''}`} hx-trigger="sse:alerts" hx-swap="innerHTML">
        {await lists(c, services, filter)}
      </div>
    </>
  );
  return renderPage(c, { title: 'Alerts', section: 'alerts', ...(notice ? { notice } : {}), body }, status);
}
