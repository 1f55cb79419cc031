import { VALUE } from '../../../problems/path-problem.js';
import type { ProbeKindContext } from '../probe-kind.js';

/**
 * Turns an http probe target into an absolute URL. A path is appended to the environment's
 * `url` (keeping its own path, so `https://x/api` + `/health` is `https://x/api/health`).
 */
export function resolveHttpTarget(target: string, ctx: ProbeKindContext, at: (string | number)[]): string {
  if (!target.startsWith('/')) return target;
  if (ctx.env.url === undefined) {
    ctx.problems.add([...ctx.path, ...at], `relative path ${VALUE} needs environments.${ctx.env.name}.url`);
    return target;
  }
  const base = new URL(ctx.env.url);
  const relative = new URL(target, 'http://relative.invalid');
  base.pathname = base.pathname.replace(/\/+$/, '') + relative.pathname;
  base.search = relative.search;
  base.hash = '';
  return base.toString();
}
