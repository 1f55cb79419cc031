import type { ProbeKindContext } from '../probe-kind.js';

/**
 * The connection string of a postgres or sql probe: its own `url`, else the environment's
 * `database`. Neither is a problem at the probe's kind key; the result is then ''.
 */
export function resolveDatabaseUrl(own: string | undefined, kind: 'postgres' | 'sql', ctx: ProbeKindContext): string {
  const url = own ?? ctx.env.database;
  if (url === undefined) ctx.problems.add([...ctx.path, kind], `${kind} probe needs environments.${ctx.env.name}.database or ${kind}.url`);
  return url ?? '';
}
