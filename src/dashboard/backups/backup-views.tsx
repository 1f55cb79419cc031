import type { BackupDetails, BackupListing, DrillReport, RunningOperation } from '../../backups/backup-service.js';
import { formatDuration } from '../../config/index.js';
import type { BackupSettings } from '../environments/environment-settings.js';
import { bytes } from '../layout/ops-page.js';

const ms = (n: number) => formatDuration(Math.max(1, Math.round(n)));

/** `12m (objective 1h) ✓`: a measured duration against its objective; text says it, colour repeats it. */
export function AgainstObjective(props: { measured: number | undefined; objective: number | null }) {
  if (props.measured === undefined) return <span>not measured</span>;
  if (props.objective === null) return <span>{ms(props.measured)}</span>;
  const within = props.measured <= props.objective;
  return (
    <span class={within ? 'within' : 'beyond'}>
      {ms(props.measured)} (objective {ms(props.objective)}: {within ? 'met' : 'missed'})
    </span>
  );
}

/** One database's backups, newest first: status and reason, sizes, measured RTO, repositories. */
export function BackupTable(props: { env: string; database: string; backups: BackupListing[]; settings: BackupSettings | null; now: number }) {
  const newest = props.backups[0];
  return (
    <section aria-labelledby={`db-${props.env}-${props.database}`} data-database={props.database}>
      <h3 id={`db-${props.env}-${props.database}`}>{props.database}</h3>
      <p>
        Newest backup age: <AgainstObjective measured={newest ? props.now - Date.parse(newest.endedAt) : undefined} objective={props.settings?.rpoMs ?? null} />
      </p>
      {props.backups.length === 0 ? (
        <p class="empty">No backups yet.</p>
      ) : (
        <table>
          <thead>
            <tr><th scope="col">Backup</th><th scope="col">Status</th><th scope="col">Size (raw / stored)</th><th scope="col">Measured RTO</th><th scope="col">Repositories</th></tr>
          </thead>
          <tbody>
            {props.backups.map((b) => (
              <tr data-backup={b.id}>
                <td><a href={`/backups/${encodeURIComponent(b.environment)}/${encodeURIComponent(b.id)}`}>{b.id}</a></td>
                <td><span class={`badge backup-${b.status}`}>{b.status}</span>{b.statusReason ? ` — ${b.statusReason}` : ''}</td>
                <td>{bytes(b.rawBytes)} / {bytes(b.storedBytes)}{b.encrypted ? ' (encrypted)' : ''}</td>
                <td><AgainstObjective measured={b.rtoMs} objective={props.settings?.rtoMs ?? null} /></td>
                <td>{b.repositories.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The environment's last drill: outcome, RTO and RPO against the objectives, its checks and report. */
export function LastDrill(props: { drill: DrillReport | undefined }) {
  const { drill } = props;
  if (!drill) return <p class="empty">No drill yet: run guardia dr drill.</p>;
  return (
    <details class="drill">
      <summary>
        Last drill {drill.startedAt} of {drill.database}: <strong>{drill.passed ? 'passed' : 'failed'}</strong>, RTO{' '}
        <AgainstObjective measured={drill.rtoMs} objective={drill.rtoObjectiveMs ?? null} />, RPO <AgainstObjective measured={drill.rpoMs} objective={drill.rpoObjectiveMs ?? null} />
      </summary>
      <pre class="report">{drill.markdown}</pre>
    </details>
  );
}

/** Operations running now with their phase and progress. */
export function RunningOperations(props: { running: RunningOperation[] }) {
  if (props.running.length === 0) return null;
  return (
    <section aria-labelledby="running-title">
      <h2 id="running-title">Running now</h2>
      <ul>
        {props.running.map((r) => (
          <li>
            {r.operation} of {r.environment}/{r.database}: {r.phase}, {bytes(r.bytes)}{r.totalBytes ? ` of ${bytes(r.totalBytes)}` : ''}
            {r.totalTables ? `, ${r.tables} of ${r.totalTables} tables` : ''} (since {r.startedAt}, {r.holder})
            {r.totalBytes ? <progress value={r.bytes} max={r.totalBytes}>{Math.round((100 * r.bytes) / r.totalBytes)}%</progress> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One backup: facts, tables with row counts, files, verification history and a copyable restore command. */
export function BackupManifestView(props: { backup: BackupDetails }) {
  const { backup } = props;
  const m = backup.manifest;
  return (
    <>
      <dl class="facts">
        <dt>Status</dt><dd><span class={`badge backup-${backup.status}`}>{backup.status}</span>{backup.statusReason ? ` — ${backup.statusReason}` : ''}</dd>
        <dt>Database</dt><dd>{backup.environment}/{backup.database} (PostgreSQL {serverVersionText(m.serverVersion)}, pg_dump {m.clientVersion})</dd>
        <dt>Taken</dt><dd>{m.startedAt} → {m.endedAt}</dd>
        <dt>Size</dt><dd>{bytes(m.rawBytes)} raw, {bytes(m.storedBytes)} stored ({m.compression}{m.recipients.length > 0 ? ', encrypted' : ''})</dd>
        <dt>Repositories</dt><dd>{backup.repositories.join(', ')}</dd>
      </dl>
      <h2>Restore</h2>
      <label for="restore-command">Restore command (copy it; give the target connection string)</label>
      <input id="restore-command" class="copyable" type="text" readonly value={backup.restoreCommand} size={80} />
      <h2>Tables ({m.tables.length})</h2>
      <table>
        <thead><tr><th scope="col">Table</th><th scope="col" class="num">Rows</th></tr></thead>
        <tbody>{m.tables.map((t) => <tr><td>{t.schema}.{t.name}</td><td class="num">{t.rows}</td></tr>)}</tbody>
      </table>
      <h2>Verifications ({backup.verifications.length})</h2>
      {backup.verifications.length === 0 ? <p class="empty">Never verified.</p> : null}
      <ul>
        {backup.verifications.map((v) => (
          <li>
            {v.startedAt}: <strong>{v.passed ? 'passed' : 'failed'}</strong>, restore {ms(v.restoreMs)}{v.unverifiedReason ? ` — ${v.unverifiedReason}` : ''}
            <ul>{v.checks.map((check) => <li>{check.passed ? '✓' : '✕'} {check.name}: {check.detail}</li>)}</ul>
          </li>
        ))}
      </ul>
      <details>
        <summary>Files ({m.files.length})</summary>
        <table>
          <thead><tr><th scope="col">File</th><th scope="col">Stored</th><th scope="col">Raw</th><th scope="col">sha256</th></tr></thead>
          <tbody>{m.files.map((f) => <tr><td>{f.path}</td><td>{bytes(f.size)}</td><td>{bytes(f.rawSize)}</td><td><code>{f.sha256.slice(0, 16)}…</code></td></tr>)}</tbody>
        </table>
      </details>
    </>
  );
}

/** `server_version_num` as people write it: 150010 → 15.10 (10 and later), 90624 → 9.6.24. */
function serverVersionText(num: number): string {
  const major = Math.floor(num / 10_000);
  return major >= 10 ? `${major}.${num % 10_000}` : `${Math.floor(num / 10_000)}.${Math.floor(num / 100) % 100}.${num % 100}`;
}
