import type { EnvironmentConfig } from '../../config/index.js';
import { DATA_DIR_ENV, runsOn } from './deploy-workflows.js';
import type { GithubActionsOptions } from './github-actions-options.js';
import { checkoutStep, guardiaStep, READ_ONLY, setupNodeStep } from './workflow-steps.js';
import type { Step, Workflow } from './workflow-types.js';

/** The optional secret holding a Slack- or Discord-compatible incoming webhook for failures. */
export const FAILURE_WEBHOOK_SECRET = 'GUARDIA_FAILURE_WEBHOOK';

// Node (already set up for guardia) posts the message; `text` is read by Slack and Mattermost,
// `content` by Discord. No shell interpolation of the URL or the message.
const NOTIFY_SCRIPT = [
  'node -e \'',
  'const url = process.env.FAILURE_WEBHOOK;',
  'const text = process.env.MESSAGE + " " + process.env.GITHUB_SERVER_URL + "/" + process.env.GITHUB_REPOSITORY + "/actions/runs/" + process.env.GITHUB_RUN_ID;',
  'fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, content: text }) })',
  '  .then((r) => { if (!r.ok) { console.error("webhook answered " + r.status); process.exit(1); } });',
  '\'',
].join('\n');

/**
 * `guardia-backup.yml`: on the backup schedule (and by hand) takes a backup of the production
 * environment and verifies it by restoring it. When a step fails and the repository has the
 * `GUARDIA_FAILURE_WEBHOOK` secret, posts the run's link there; guardia's own `BackupFailed` /
 * `BackupMissed` alerts also fire through the configured channels when `guardia up` shares the store.
 */
export function backupWorkflow(env: EnvironmentConfig, cron: string, options: GithubActionsOptions, secrets: Record<string, string>): Workflow {
  const notify: Step = {
    name: 'Notify failure',
    if: 'failure() && env.FAILURE_WEBHOOK != \'\'',
    env: { MESSAGE: `guardia: the backup of ${env.name} failed:` },
    run: NOTIFY_SCRIPT,
  };
  return {
    name: `guardia backup ${env.name}`,
    on: { schedule: [{ cron }], workflow_dispatch: null },
    permissions: READ_ONLY,
    jobs: {
      backup: {
        name: `Back up ${env.name}`,
        'runs-on': runsOn(options),
        'timeout-minutes': 180,
        permissions: READ_ONLY,
        concurrency: { group: `guardia-backup-${env.name}`, 'cancel-in-progress': false },
        env: { ...DATA_DIR_ENV, ...secrets, FAILURE_WEBHOOK: `\${{ secrets.${FAILURE_WEBHOOK_SECRET} }}` },
        steps: [
          checkoutStep(),
          setupNodeStep(),
          guardiaStep(options, `guardia backup run ${env.name}`, ['backup', 'run', env.name]),
          guardiaStep(options, `guardia backup verify ${env.name}`, ['backup', 'verify', env.name, '--latest']),
          notify,
        ],
      },
    },
  };
}
