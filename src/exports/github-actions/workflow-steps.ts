import type { GithubActionsOptions } from './github-actions-options.js';
import type { Step } from './workflow-types.js';

/** Read-only token: the jobs only read the repository; guardia itself holds no GitHub credentials. */
export const READ_ONLY = { contents: 'read' } as const;

/** Checks out the repository (the config file and migrations). */
export function checkoutStep(): Step {
  return { uses: 'actions/checkout@v4' };
}

/** Node 20, which guardia runs on. */
export function setupNodeStep(): Step {
  return { uses: 'actions/setup-node@v4', with: { 'node-version': '20' } };
}

/**
 * A step that runs one guardia command with the config. Values from the event (versions,
 * actors) arrive through `env` and are quoted shell variables in `args`, never expanded into
 * the script text, so a crafted tag name cannot inject shell code.
 */
export function guardiaStep(options: GithubActionsOptions, name: string, args: string[], env?: Record<string, string>): Step {
  const run = [options.guardia, ...[...args, '-c', options.configPath].map(quote)].join(' ');
  return { name, run, ...(env && Object.keys(env).length > 0 ? { env } : {}) };
}

/** Single-quotes a word for the shell unless it is plainly safe (or a `"$VAR"` reference). */
export function quote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word) || /^"\$[A-Z_][A-Z0-9_]*"$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
