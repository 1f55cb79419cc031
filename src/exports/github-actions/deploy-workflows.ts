import type { EnvironmentConfig } from '../../config/index.js';
import type { GithubActionsOptions } from './github-actions-options.js';
import { checkoutStep, guardiaStep, READ_ONLY, setupNodeStep } from './workflow-steps.js';
import type { Job, Workflow } from './workflow-types.js';

/**
 * Where the release and backup jobs find guardia's store: the repository variable
 * `GUARDIA_DATA_DIR` (set it to the directory `guardia up` uses on the ops host); empty
 * (unset) falls back to the config's `store:`.
 */
export const DATA_DIR_ENV = { GUARDIA_DATA_DIR: '${{ vars.GUARDIA_DATA_DIR }}' } as const;

/** `guardia-deploy-staging.yml`: every push to the staging branch releases that commit. */
export function stagingWorkflow(env: EnvironmentConfig, options: GithubActionsOptions, secrets: Record<string, string>): Workflow {
  const job = releaseJob(env, options, secrets, { VERSION: '${{ github.sha }}' }, 60);
  return {
    name: `guardia deploy ${env.name}`,
    on: { push: { branches: [options.stagingBranch] } },
    permissions: READ_ONLY,
    jobs: { release: job },
  };
}

/**
 * `guardia-deploy-production.yml`: a `vX.Y.Z` tag releases that version. The job names the
 * GitHub environment, so its required reviewers approve before the job starts; guardia's own
 * `release.approval` (if any) still applies on top, and `--as` records who pushed the tag.
 * When production `requires:` another environment, the tag is released there first (job
 * `release-required`), as guardia refuses a version that has not succeeded there.
 */
export function productionWorkflow(
  env: EnvironmentConfig, options: GithubActionsOptions, secrets: Record<string, string>, required?: EnvironmentConfig,
): Workflow {
  const event = { VERSION: '${{ github.ref_name }}', ACTOR: '${{ github.actor }}' };
  const job = releaseJob(env, options, secrets, event, 120);
  const jobs: Record<string, Job> = {};
  if (required) {
    jobs['release-required'] = releaseJob(required, options, secrets, event, 60);
    job.needs = ['release-required'];
  }
  jobs.release = job;
  return { name: `guardia deploy ${env.name}`, on: { push: { tags: ['v*.*.*'] } }, permissions: READ_ONLY, jobs };
}

function releaseJob(
  env: EnvironmentConfig, options: GithubActionsOptions, secrets: Record<string, string>, event: Record<string, string>, minutes: number,
): Job {
  const args = ['release', env.name, '"$VERSION"', '--wait', ...('ACTOR' in event ? ['--as', '"$ACTOR"'] : [])];
  return {
    name: `Release to ${env.name}`,
    'runs-on': runsOn(options),
    'timeout-minutes': minutes,
    permissions: READ_ONLY,
    // The production job names the GitHub environment, whose required reviewers gate it.
    ...(env.tier === 'production' ? { environment: env.url === undefined ? { name: env.name } : { name: env.name, url: env.url } } : {}),
    // Never cancel a release in progress (it may be mid-migration); a newer push waits its turn.
    concurrency: { group: `guardia-release-${env.name}`, 'cancel-in-progress': false },
    env: { ...DATA_DIR_ENV, ...secrets },
    steps: [checkoutStep(), setupNodeStep(), guardiaStep(options, `guardia release ${env.name}`, args, event)],
  };
}

/** One label is written as a string, several as a list. */
export function runsOn(options: GithubActionsOptions): string | string[] {
  return options.runner.length === 1 ? (options.runner[0] as string) : options.runner;
}
