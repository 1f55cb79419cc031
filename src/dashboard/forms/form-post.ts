import type { Context } from 'hono';
import { roleAllows } from '../../tokens/index.js';
import { tokensMatch } from '../access/index.js';
import type { DashboardEnv } from '../dashboard-env.js';

/** A form post that may change state, checked: the fields, or why it is refused (403). */
export type CheckedForm = { ok: true; fields: Record<string, string> } | { ok: false; status: 403; message: string };

/**
 * Reads an operator's form post: a viewer is refused, and so is a missing or forged `_csrf`
 * (checked here too, so a page never depends on where the access middleware is mounted).
 * File fields and repeated names are ignored: every dashboard form sends plain single values.
 */
export async function readOperatorForm(c: Context<DashboardEnv>): Promise<CheckedForm> {
  if (!roleAllows(c.get('caller').role, 'operator')) return { ok: false, status: 403, message: 'your role is viewer: ask an admin for the operator role to change anything' };
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === 'string') fields[name] = value;
  if (!tokensMatch(c.get('csrfToken'), c.req.header('x-csrf-token') ?? fields._csrf)) return { ok: false, status: 403, message: 'the form has expired or did not come from this dashboard (CSRF check failed): reload the page and try again' };
  return { ok: true, fields };
}

/** `path?notice=…`: where a successful post redirects (303) so a reload does not post again. */
export function withNotice(path: string, text: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}notice=${encodeURIComponent(text)}`;
}
