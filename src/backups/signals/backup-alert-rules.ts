import { Cron } from 'croner';
import type { AlertRuleConfig, EnvironmentConfig, ResolvedConfig } from '../../config/index.js';

/** Extra time a scheduled backup gets past its period before it counts as missed. */
const MISSED_GRACE_MS = 3_600_000;
const SAMPLED_RUNS = 12;

/**
 * The built-in backup rules of each environment with `backups:`: `BackupFailed` (the newest
 * backup attempt failed), `BackupVerifyFailed` (the newest verification failed),
 * `BackupRpoBreached` (with `objectives.rpo`: the newest verified backup is older than it) and
 * `BackupMissed` (with `schedule`: no successful backup for a schedule period plus an hour).
 * A rule of the same name in the environment's `alerts:` replaces the built-in one, so its
 * severity, `for` or threshold can be changed; returns only the rules not already there.
 */
export function backupAlertRules(config: Pick<ResolvedConfig, 'environments' | 'alerting'>): AlertRuleConfig[] {
  const taken = new Set(config.alerting.rules.map((r) => `${r.env ?? ''}\u0000${r.name}`));
  return config.environments.flatMap((env) => rulesOf(env).filter((rule) => !taken.has(`${env.name}\u0000${rule.name}`)));
}

function rulesOf(env: EnvironmentConfig): AlertRuleConfig[] {
  const backups = env.backups;
  if (backups === undefined) return [];
  const sel = (name: string) => `${name}{env=${JSON.stringify(env.name)}}`;
  const newerThan = (newer: string, older: string) => `${sel(newer)} > (${sel(older)} or ${sel(newer)} * 0)`;
  const rule = (name: string, expr: string, summary: string, description: string): AlertRuleConfig => ({
    name, env: env.name, expr, forMs: 0, keepFiringForMs: 0, severity: 'high', labels: {}, annotations: { summary, description },
  });
  const rules = [
    rule(
      'BackupFailed',
      newerThan('guardia_backup_last_failure_timestamp_seconds', 'guardia_backup_last_success_timestamp_seconds'),
      'The last backup of {{ $labels.env }}/{{ $labels.database }} failed',
      'See `guardia backup list {{ $labels.env }}` and the daemon log; the next backup resolves this alert.',
    ),
    rule(
      'BackupVerifyFailed',
      newerThan('guardia_backup_verify_last_failure_timestamp_seconds', 'guardia_backup_verify_last_success_timestamp_seconds'),
      'A restore test of {{ $labels.env }}/{{ $labels.database }} failed',
      'The newest verification failed: that backup may not restore. Run `guardia backup verify {{ $labels.env }} --latest` for the checks.',
    ),
  ];
  if (backups.objectives.rpoMs !== undefined) {
    rules.push(
      rule(
        'BackupRpoBreached',
        `${sel('guardia_backup_rpo_seconds')} > ${backups.objectives.rpoMs / 1000}`,
        'The newest verified backup of {{ $labels.env }}/{{ $labels.database }} is older than the RPO objective',
        'A disaster now would lose {{ $value | humanizeDuration }} of data.',
      ),
    );
  }
  if (backups.schedule !== undefined) {
    const limit = (schedulePeriodMs(backups.schedule, backups.timezone) + MISSED_GRACE_MS) / 1000;
    rules.push(
      rule(
        'BackupMissed',
        `time() - ${sel('guardia_backup_last_success_timestamp_seconds')} > ${limit}`,
        'No successful backup of {{ $labels.env }}/{{ $labels.database }} for a whole schedule period',
        'Scheduled backups are not running or not succeeding: is `guardia up` running?',
      ),
    );
  }
  return rules;
}

/** The longest gap between consecutive runs of a cron schedule, sampled over its next runs. */
export function schedulePeriodMs(expr: string, timezone?: string): number {
  const cron = new Cron(expr, { paused: true, ...(timezone !== undefined ? { timezone } : {}) });
  try {
    const runs = cron.nextRuns(SAMPLED_RUNS, new Date(Date.UTC(2026, 0, 1))).map((d) => d.getTime());
    let longest = 0;
    for (let i = 1; i < runs.length; i++) longest = Math.max(longest, (runs[i] ?? 0) - (runs[i - 1] ?? 0));
    return longest;
  } finally {
    cron.stop();
  }
}
