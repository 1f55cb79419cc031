import type { ConfigPath } from './path-problem.js';

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/** Formats a path for messages: `environments.production.probes.api.expect.json_path[0].lt`. */
export function formatConfigPath(path: ConfigPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (PLAIN_KEY.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}
