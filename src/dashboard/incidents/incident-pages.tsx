import { Hono, type Context } from 'hono';
import type { HttpServices } from '../../http/http-deps.js';
import { renderPostmortem, type IncidentStatus } from '../../incidents/index.js';
import { roleAllows } from '../../tokens/index.js';
import { csrfField } from '../access/index.js';
import { readOperatorForm, withNotice } from '../forms/form-post.js';
import { renderPage } from '../layout/ops-page.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { Pagination, pageNumber } from '../layout/pagination.js';
import { MAX_ASSIGNEE, MAX_NOTE, textField } from './incident-forms.js';
import { IncidentActions, IncidentDetails, IncidentTable, type IncidentDraft } from './incident-views.js';

const STATUSES: readonly (IncidentStatus | 'all')[] = ['open', 'acknowledged', 'resolved', 'all'];
const PAGE_SIZE = 25;
type Notice = { kind: 'ok' | 'error'; text: string };

/**
 * `GET /incidents[?status=&page=]`, `GET /incidents/:id` (timeline, alerts, actions, a
 * postmortem draft), `GET /incidents/:id/postmortem.md`, and for operators
 * `POST /incidents/:id/ack|resolve|assign|notes` through the same service calls as the API.
 */
export function incidentPages(services: HttpServices): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  const { incidents } = services;
  app.get('/incidents', async (c) => {
    const chosen = STATUSES.find((s) => s === c.req.query('status'));
    const list = await incidents.list(chosen ? { status: chosen } : {});
    const page = pageNumber(c.req.query('page'), list.length, PAGE_SIZE);
    const href = (n: number) => `/incidents?${new URLSearchParams({ ...(chosen ? { status: chosen } : {}), page: String(n) }).toString()}`;
    const body = (
      <>
        <nav aria-label="Incident status" class="tabs">
          <a href="/incidents" aria-current={chosen === undefined ? 'page' : undefined}>active</a>
          {STATUSES.map((s) => <a href={`/incidents?status=${s}`} aria-current={s === chosen ? 'page' : undefined}>{s}</a>)}
        </nav>
        <IncidentTable incidents={list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)} now={services.now()} />
        <Pagination page={page} pageSize={PAGE_SIZE} total={list.length} href={href} />
      </>
    );
    return renderPage(c, { title: 'Incidents', section: 'incidents', body });
  });
  app.get('/incidents/:id', async (c) => detail(c, services));
  app.get('/incidents/:id/postmortem.md', async (c) => {
    const view = await incidents.view(c.req.param('id'));
    c.header('content-disposition', `attachment; filename="postmortem-${view.id}.md"`);
    return c.body(renderPostmortem(view, services.now()), 200, { 'content-type': 'text/markdown; charset=utf-8' });
  });

  const action = (path: string, act: (id: string, fields: Record<string, string>, actor: string) => Promise<string | Notice>) =>
    app.post(`/incidents/:id/${path}`, async (c) => {
      const form = await readOperatorForm(c);
      if (!form.ok) return detail(c, services, { kind: 'error', text: form.message }, form.status);
      const id = c.req.param('id');
      const outcome = await act(id, form.fields, c.get('caller').name);
      if (typeof outcome !== 'string') return detail(c, services, outcome, 400, { form: path, fields: form.fields });
      return c.redirect(withNotice(`/incidents/${encodeURIComponent(id)}`, outcome), 303);
    });
  action('ack', async (id, _fields, actor) => {
    const incident = await incidents.acknowledge(id, actor);
    return incident.status === 'resolved' ? 'already resolved' : `acknowledged by ${incident.ackedBy ?? actor}`;
  });
  action('resolve', async (id, fields, actor) => {
    const note = textField(fields, 'note', 'resolution note', { max: MAX_NOTE, required: false });
    if (!note.ok) return { kind: 'error', text: note.message };
    await incidents.resolve(id, actor, note.value || undefined);
    return 'resolved';
  });
  action('assign', async (id, fields, actor) => {
    const assignee = textField(fields, 'assignee', 'assignee', { max: MAX_ASSIGNEE, required: true });
    if (!assignee.ok) return { kind: 'error', text: assignee.message };
    await incidents.assign(id, assignee.value, actor);
    return `assigned to ${assignee.value}`;
  });
  action('notes', async (id, fields, actor) => {
    const text = textField(fields, 'text', 'note', { max: MAX_NOTE, required: true });
    if (!text.ok) return { kind: 'error', text: text.message };
    const isPublic = fields.public === 'yes';
    await incidents.note(id, text.value, actor, { public: isPublic });
    return isPublic ? 'public update added' : 'note added';
  });
  return app;
}

async function detail(c: Context<DashboardEnv>, services: HttpServices, notice?: Notice, status: 200 | 400 | 403 = 200, draft?: IncidentDraft) {
  const incident = await services.incidents.view(c.req.param('id') ?? '');
  const now = services.now();
  const body = (
    <>
      <IncidentDetails incident={incident} now={now} />
      {roleAllows(c.get('caller').role, 'operator') ? <IncidentActions incident={incident} csrf={csrfField(c)} {...(draft ? { draft } : {})} /> : null}
      <details>
        <summary>Postmortem draft</summary>
        <label for="postmortem">Markdown (copy it, or <a href={`/incidents/${encodeURIComponent(incident.id)}/postmortem.md`}>download it</a>)</label>
        <textarea id="postmortem" readonly rows={20}>{renderPostmortem(incident, now)}</textarea>
      </details>
    </>
  );
  return renderPage(c, { title: `Incident: ${incident.title}`, section: 'incidents', ...(notice ? { notice } : {}), body }, status);
}
