import type { Child } from 'hono/jsx';
import type { AlertInstance } from '../../alerts/index.js';
import type { Silence } from '../../notifiers/index.js';
import { formatMatchers } from '../../notifiers/index.js';
import { When } from '../layout/ops-page.js';
import { MAX_COMMENT, SILENCE_DURATIONS } from './silence-form.js';

/** Matcher lines that silence exactly this alert: every label, quoted. */
export function matcherLines(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join('\n');
}

/** One alert list (firing, pending or silenced) with each alert's labels, since, summary and a silence form. */
export function AlertTable(props: { id: string; title: string; alerts: AlertInstance[]; now: number; csrf: Child; canWrite: boolean }) {
  return (
    <section aria-labelledby={`${props.id}-title`} id={props.id}>
      <h2 id={`${props.id}-title`}>
        {props.title} ({props.alerts.length})
      </h2>
      {props.alerts.length === 0 ? (
        <p class="empty">None.</p>
      ) : (
        <ul class="alert-list">
          {props.alerts.map((alert) => (
            <li class={`alert severity-${alert.severity}`} data-fingerprint={alert.fingerprint} data-rule={alert.rule}>
              <strong>{alert.rule}</strong> <span class="badge">{alert.severity}</span> {alert.env ? <span class="badge">{alert.env}</span> : null} since{' '}
              <When at={alert.firedAt ?? alert.activeAt} now={props.now} />
              <p>{alert.annotations.summary ?? ''}</p>
              <p class="labels">{Object.entries(alert.labels).map(([k, v]) => <><code>{`${k}=${v}`}</code>{' '}</>)}</p>
              {props.canWrite ? <SilenceForm idPrefix={`silence-${alert.fingerprint}`} csrf={props.csrf} draft={{ matchers: matcherLines(alert.labels) }} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What a refused silence post sent: shown again in the form so nothing typed is lost. */
export type SilenceDraft = Partial<Record<'matchers' | 'duration' | 'customDuration' | 'comment', string>>;

/** The silence form: pre-filled with an alert's labels, or with a refused draft (then open). */
export function SilenceForm(props: { idPrefix: string; csrf: Child; draft: SilenceDraft; open?: boolean }) {
  const id = props.idPrefix;
  const { draft } = props;
  const duration = draft.duration ?? '1h';
  return (
    <details open={props.open}>
      <summary>Silence…</summary>
      <form method="post" action="/alerts/silences" class="silence-form">
        {props.csrf}
        <label for={`${id}-matchers`}>Matchers (one per line)</label>
        <textarea id={`${id}-matchers`} name="matchers" rows={4} required>
          {draft.matchers ?? ''}
        </textarea>
        <label for={`${id}-duration`}>Duration</label>
        <select id={`${id}-duration`} name="duration">
          {SILENCE_DURATIONS.map((d) => <option value={d} selected={d === duration}>{d}</option>)}
          <option value="custom" selected={duration === 'custom'}>custom…</option>
        </select>
        <label for={`${id}-custom`}>Custom duration (when “custom”, e.g. 90m)</label>
        <input id={`${id}-custom`} name="customDuration" type="text" maxlength={40} value={draft.customDuration ?? ''} />
        <label for={`${id}-comment`}>Comment (required)</label>
        <textarea id={`${id}-comment`} name="comment" rows={2} required maxlength={MAX_COMMENT}>
          {draft.comment ?? ''}
        </textarea>
        <button type="submit">Silence</button>
      </form>
    </details>
  );
}

/** Active and pending silences, each with an expire button for operators. */
export function SilenceTable(props: { silences: Silence[]; now: number; csrf: Child; canWrite: boolean }) {
  return (
    <section aria-labelledby="silences-title" id="silences">
      <h2 id="silences-title">Silences ({props.silences.length})</h2>
      {props.silences.length === 0 ? (
        <p class="empty">No active silences.</p>
      ) : (
        <table>
          <thead>
            <tr><th scope="col">Matchers</th><th scope="col">By</th><th scope="col">Comment</th><th scope="col">Ends</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {props.silences.map((s) => (
              <tr data-silence={s.id}>
                <td><code>{formatMatchers(s.matchers)}</code></td>
                <td>{s.author}</td>
                <td>{s.comment}</td>
                <td><time datetime={new Date(s.endsAt).toISOString()}>{new Date(s.endsAt).toISOString()}</time>{s.state === 'pending' ? ' (not started)' : ''}</td>
                <td>
                  {props.canWrite ? (
                    <form method="post" action={`/alerts/silences/${encodeURIComponent(s.id)}/expire`}>
                      {props.csrf}
                      <button type="submit">Expire</button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
