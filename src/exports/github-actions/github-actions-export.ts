import type { EnvironmentConfig, ResolvedConfig } from '../../config/index.js';
import type { ExportFile, ExportPlan, ExportTarget } from '../export-target.js';
import { backupWorkflow, FAILURE_WEBHOOK_SECRET } from './backup-workflow.js';
import { checksWorkflow } from './checks-workflow.js';
import { configSecretNames, secretEnv } from './config-secret-names.js';
import { productionWorkflow, stagingWorkflow } from './deploy-workflows.js';
import { GITHUB_ACTIONS_MARKER, WORKFLOW_FILES, type GithubActionsOptions } from './github-actions-options.js';
import { githubCron } from './github-cron.js';
import { renderWorkflow } from './render-workflow.js';

/**
 * `guardia export github-actions`: the checks workflow always; the staging and production
 * deploys and the backup only when the config has what they need, with a note otherwise.
 */
export const githubActionsExport: ExportTarget<GithubActionsOptions> = {
  name: 'github-actions',
  marker: GITHUB_ACTIONS_MARKER,
  plan(config, options) {
    const names = configSecretNames(options.configText);
    const secrets = secretEnv(names);
    const notes = names.skipped.map((s) => `\${${s.variable}} is not mapped from a secret: ${s.reason}`);
    const files: ExportFile[] = [file(WORKFLOW_FILES.checks, renderWorkflow(checksWorkflow(config, options, secrets)))];
    files.push(...stagingFile(config, options, secrets, notes), ...productionFile(config, options, secrets, notes));
    files.push(...backupFile(config, options, secrets, notes));
    return { files, notes } satisfies ExportPlan;
  },
};

// A branch push releases the commit SHA: only a staging environment whose versions accept one gets it.
function stagingFile(config: ResolvedConfig, options: GithubActionsOptions, secrets: Record<string, string>, notes: string[]): ExportFile[] {
  const staging = releasable(config, 'staging');
  if (!staging) {
    notes.push(`no ${WORKFLOW_FILES.staging}: no staging environment with release:`);
    return [];
  }
  if (!accepts(staging, COMMIT_SHA)) {
    notes.push(`no ${WORKFLOW_FILES.staging}: ${staging.name}'s release.versions does not accept commit SHAs, which a push to ${options.stagingBranch} would release`);
    return [];
  }
  return [file(WORKFLOW_FILES.staging, renderWorkflow(stagingWorkflow(staging, options, secrets)))];
}

function productionFile(config: ResolvedConfig, options: GithubActionsOptions, secrets: Record<string, string>, notes: string[]): ExportFile[] {
  const production = releasable(config, 'production');
  if (!production) {
    notes.push(`no ${WORKFLOW_FILES.production}: no production environment with release:`);
    return [];
  }
  const requires = production.release?.requires;
  const required = requires === undefined ? undefined : config.environments.find((e) => e.name === requires && e.release !== undefined);
  if (requires !== undefined && !required) notes.push(`${WORKFLOW_FILES.production}: ${production.name} requires ${requires}, which has no release:`);
  for (const env of [required, production]) {
    if (env && !accepts(env, 'v1.2.3')) notes.push(`${WORKFLOW_FILES.production}: ${env.name}'s release.versions does not accept tags like v1.2.3`);
  }
  return [file(WORKFLOW_FILES.production, renderWorkflow(productionWorkflow(production, options, secrets, required)))];
}

function backupFile(config: ResolvedConfig, options: GithubActionsOptions, secrets: Record<string, string>, notes: string[]): ExportFile[] {
  const env = config.environments.find((e) => e.tier === 'production' && e.backups?.schedule !== undefined);
  if (!env?.backups?.schedule) {
    notes.push(`no ${WORKFLOW_FILES.backup}: no production environment with backups.schedule`);
    return [];
  }
  let cron = options.backupCron;
  if (cron === undefined) {
    const converted = githubCron(env.backups.schedule, env.backups.timezone, options.now);
    if ('error' in converted) {
      notes.push(`no ${WORKFLOW_FILES.backup}: ${converted.error}`);
      return [];
    }
    cron = converted.cron;
    notes.push(...converted.notes.map((n) => `${WORKFLOW_FILES.backup}: ${n}`));
  }
  notes.push(
    `${WORKFLOW_FILES.backup}: guardia up also backs up ${env.name} on this schedule when it runs; keep one of the two`,
    `${WORKFLOW_FILES.backup}: set the secret ${FAILURE_WEBHOOK_SECRET} (a Slack or Discord webhook) to be told when it fails`,
  );
  return [file(WORKFLOW_FILES.backup, renderWorkflow(backupWorkflow(env, cron, options, secrets)))];
}

/** The first environment of the tier that has `release:` (a later one is left out). */
function releasable(config: ResolvedConfig, tier: EnvironmentConfig['tier']): EnvironmentConfig | undefined {
  return config.environments.find((e) => e.tier === tier && e.release !== undefined);
}

function accepts(env: EnvironmentConfig, version: string): boolean {
  try {
    return new RegExp(env.release?.versions ?? '').test(version);
  } catch {
    return true;
  }
}

const COMMIT_SHA = '0123456789abcdef0123456789abcdef01234567';

function file(name: string, text: string): ExportFile {
  return { name, text };
}
