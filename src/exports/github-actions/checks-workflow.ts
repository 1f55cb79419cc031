import { relative, resolve } from 'node:path';
import { MIGRATIONS_DEFAULTS, type EnvironmentConfig, type ResolvedConfig } from '../../config/index.js';
import type { GithubActionsOptions } from './github-actions-options.js';
import { checkoutStep, guardiaStep, quote, READ_ONLY, setupNodeStep } from './workflow-steps.js';
import type { Step, Workflow } from './workflow-types.js';

/** Scripts of package.json run as checks, in this order, when the repository has them. */
const APP_SCRIPTS = ['lint', 'test', 'build'] as const;

/**
 * `guardia-checks.yml`: on pull requests and pushes to main, the app's own lint/test/build
 * and `npm audit`, then `guardia validate`, `migrate lint` (when there are migrations) and `secrets scan`. Secrets reach
 * only the `validate` step (it resolves `${VAR}`s), never the steps that run the app's code.
 */
export function checksWorkflow(config: ResolvedConfig, options: GithubActionsOptions, secrets: Record<string, string>): Workflow {
  const steps: Step[] = [checkoutStep(), setupNodeStep()];
  if (options.packageScripts !== undefined) {
    steps.push({ name: 'Install', run: options.lockfile ? 'npm ci' : 'npm install' });
    for (const script of APP_SCRIPTS) {
      if (options.packageScripts.has(script)) steps.push({ name: capitalize(script), run: `npm run ${script}` });
    }
    steps.push({ name: 'Audit dependencies', run: 'npm audit --audit-level=high' });
  }
  steps.push(guardiaStep(options, 'Validate guardia.yaml', ['validate'], secrets));
  const migrationDirs = [...new Set(config.environments.flatMap(migrationDirsOf(config.dir)).map((d) => relative(options.repoRoot, d) || '.'))];
  if (migrationDirs.length > 0) steps.push(lintStep(options, migrationDirs));
  steps.push({ name: 'Scan for secrets', run: `${options.guardia} secrets scan .` });
  return {
    name: 'guardia checks',
    on: { pull_request: null, push: { branches: ['main'] } },
    permissions: READ_ONLY,
    concurrency: { group: 'guardia-checks-${{ github.ref }}', 'cancel-in-progress': true },
    jobs: {
      checks: { name: 'Checks', 'runs-on': 'ubuntu-latest', 'timeout-minutes': 30, permissions: READ_ONLY, steps },
    },
  };
}

/** `migrations:` and the release's `migrate` steps (a bare one reads `migrations:` or the default directory). */
function migrationDirsOf(configDir: string): (env: EnvironmentConfig) => string[] {
  return (env) => {
    const dirs = env.migrations ? [env.migrations.dir] : [];
    for (const step of env.release?.steps ?? []) {
      if (step.kind !== 'migrate') continue;
      dirs.push(step.dir ?? env.migrations?.dir ?? resolve(configDir, MIGRATIONS_DEFAULTS.dir));
    }
    return dirs;
  };
}

// `migrate lint` reads files only: no config, no database.
function lintStep(options: GithubActionsOptions, dirs: string[]): Step {
  return { name: 'Lint migrations', run: [options.guardia, 'migrate', 'lint', ...dirs.map(quote)].join(' ') };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
