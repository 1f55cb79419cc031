import type { Child } from 'hono/jsx';
import type { Incident, IncidentView } from '../../incidents/index.js';
import { When } from '../layout/ops-page.js';
import { MAX_ASSIGNEE, MAX_NOTE } from './incident-forms.js';

/** The incidents table: title (linked), severity, status, environment, assignee, opened. */
export function IncidentTable(props: { incidents: Incident[]; now: number }) {
  if (props.incidents.length === 0) return <p class="empty">No incidents.</p>;
  return (
    <table>
      <thead>
        <tr><th scope="col">Incident</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Environment</th><th scope="col">Assignee</th><th scope="col">Opened</th></tr>
      </thead>
      <tbody>
        {props.incidents.map((i) => (
          <tr data-incident={i.id}>
            <td><a href={`/incidents/${encodeURIComponent(i.id)}`}>{i.title}</a></td>
            <td><span class={`badge severity-${i.severity}`}>{i.severity}</span></td>
            <td><span class={`badge incident-${i.status}`}>{i.status}</span></td>
            <td>{i.env ?? 'all'}</td>
            <td>{i.assignee ?? '—'}</td>
            <td><When at={i.openedAt} now={props.now} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An incident's facts, alerts and timeline, newest last. */
export function IncidentDetails(props: { incident: IncidentView; now: number }) {
  const { incident, now } = props;
  return (
    <>
      <dl class="facts">
        <dt>Status</dt><dd><span class={`badge incident-${incident.status}`} id="incident-status">{incident.status}</span></dd>
        <dt>Severity</dt><dd>{incident.severity}</dd>
        <dt>Environment</dt><dd>{incident.env ?? 'all'}</dd>
        <dt>Opened</dt><dd><When at={incident.openedAt} now={now} /></dd>
        {incident.ackedAt !== null ? (<><dt>Acknowledged</dt><dd><When at={incident.ackedAt} now={now} /> by {incident.ackedBy ?? '?'}</dd></>) : null}
        {incident.resolvedAt !== null ? (<><dt>Resolved</dt><dd><When at={incident.resolvedAt} now={now} /> by {incident.resolvedBy ?? '?'}</dd></>) : null}
        <dt>Assignee</dt><dd>{incident.assignee ?? 'nobody'}</dd>
        {incident.runbook ? (<><dt>Runbook</dt><dd>{/^https?:\/\//i.test(incident.runbook) ? <a href={incident.runbook}>{incident.runbook}</a> : <code>{incident.runbook}</code>}</dd></>) : null}
      </dl>
      <h2>Alerts</h2>
      <ul>
        {incident.alerts.map((a) => (
          <li>{a.rule} <span class="badge">{a.state}</span> {a.annotations.summary ?? ''}</li>
        ))}
      </ul>
      {incident.runbookSteps ? (
        <>
          <h2>Runbook steps</h2>
          <ol>{incident.runbookSteps.map((s) => <li>{s.title} <code>{s.command}</code></li>)}</ol>
        </>
      ) : null}
      <h2>Timeline</h2>
      <ol class="timeline" id="timeline">
        {incident.timeline.map((e) => (
          <li data-kind={e.kind}><time datetime={new Date(e.at).toISOString()}>{new Date(e.at).toISOString()}</time> {e.text}{e.actor === 'guardia' ? '' : ` (${e.actor})`}</li>
        ))}
      </ol>
    </>
  );
}

/** A refused incident form (`assign`, `resolve`, `notes`) and what it sent, shown again. */
export interface IncidentDraft { form: string; fields: Record<string, string> }

/**
 * Acknowledge, resolve, assign and note forms, for operators while the incident is not
 * resolved (notes always); a refused form keeps what was typed in it.
 */
export function IncidentActions(props: { incident: Incident; csrf: Child; draft?: IncidentDraft }) {
  const { incident, csrf } = props;
  const typed = (form: string, name: string) => (props.draft?.form === form ? props.draft.fields[name] : undefined);
  const base = `/incidents/${encodeURIComponent(incident.id)}`;
  const open = incident.status !== 'resolved';
  return (
    <section aria-labelledby="actions-title" class="actions">
      <h2 id="actions-title">Actions</h2>
      {incident.status === 'open' ? (
        <form method="post" action={`${base}/ack`}>
          {csrf}
          <button type="submit">Acknowledge</button>
        </form>
      ) : null}
      {open ? (
        <>
          <form method="post" action={`${base}/assign`}>
            {csrf}
            <label for="assignee">Assign to</label>
            <input id="assignee" name="assignee" type="text" required maxlength={MAX_ASSIGNEE} value={typed('assign', 'assignee') ?? incident.assignee ?? ''} />
            <button type="submit">Assign</button>
          </form>
          <form method="post" action={`${base}/resolve`}>
            {csrf}
            <label for="resolve-note">Resolution note (optional)</label>
            <textarea id="resolve-note" name="note" rows={2} maxlength={MAX_NOTE}>{typed('resolve', 'note') ?? ''}</textarea>
            <button type="submit">Resolve</button>
          </form>
        </>
      ) : null}
      <form method="post" action={`${base}/notes`}>
        {csrf}
        <label for="note">Note</label>
        <textarea id="note" name="text" rows={3} required maxlength={MAX_NOTE}>{typed('notes', 'text') ?? ''}</textarea>
        <label>
          <input type="checkbox" name="public" value="yes" checked={typed('notes', 'public') === 'yes'} /> Public update (shown on the environment's status page)
        </label>
        <button type="submit">Add note</button>
      </form>
    </section>
  );
}
