import { formatDuration } from '../../probes/internal/format-duration.js';
import type { DrillReport } from '../backup-service.js';

/** The drill report as markdown: verdict, RTO and RPO against their objectives, then every check. */
export function renderDrillReport(report: Omit<DrillReport, 'markdown'>): string {
  const objective = (ms: number | undefined) => (ms === undefined ? 'no objective' : `objective ${formatDuration(ms)}`);
  const lines = [
    `# DR drill ${report.id}: ${report.passed ? 'PASSED' : 'FAILED'}`,
    '',
    `- Environment: ${report.environment}, database ${report.database}`,
    `- Backup: ${report.backupId}`,
    `- Started ${report.startedAt}, ended ${report.endedAt}`,
    `- RTO (restore until the database answered): ${formatDuration(report.rtoMs)} (${objective(report.rtoObjectiveMs)})`,
    `- RPO (age of the newest backup at drill time): ${formatDuration(report.rpoMs)} (${objective(report.rpoObjectiveMs)})`,
    '',
    '| check | result | detail |',
    '|---|---|---|',
    ...report.checks.map((c) => `| ${cell(c.name)} | ${c.passed ? 'pass' : '**FAIL**'} | ${cell(c.detail)} |`),
    '',
  ];
  return lines.join('\n');
}

/** Table cells cannot hold `|` or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
