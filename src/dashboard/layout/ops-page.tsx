import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { formatDuration } from '../../config/index.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { PageLayout } from './page-layout.js';
import type { PageShellProps } from '../page-shell.js';

/** One page of the ops sections: what `renderPage` puts inside the shared layout. */
export interface OpsPage {
  title: string;
  section: PageShellProps['section'];
  /** Default: the `?notice=` a successful post redirected with. */
  notice?: PageShellProps['notice'];
  body: Child;
}

/** Renders a page in `PageLayout` with the caller and CSRF token of the request. */
export function renderPage(c: Context<DashboardEnv>, page: OpsPage, status: 200 | 400 | 403 | 404 = 200) {
  const query = c.req.query('notice');
  const notice = page.notice ?? (query ? { kind: 'ok' as const, text: query.slice(0, 300) } : undefined);
  return c.html(
    <PageLayout title={page.title} section={page.section} caller={c.get('caller')} csrfToken={c.get('csrfToken')} {...(notice ? { notice } : {})}>
      {page.body}
    </PageLayout>,
    status,
  );
}

/** How long ago, for "since" columns: `5m ago`, `just now`. */
export function ago(at: number, now: number): string {
  const ms = now - at;
  return ms < 1000 ? 'just now' : `${formatDuration(Math.floor(ms / 1000) * 1000)} ago`;
}

/** An epoch-ms time as a `<time>` element (UTC text, machine-readable attribute). */
export function When(props: { at: number; now: number }) {
  const iso = new Date(props.at).toISOString();
  return <time datetime={iso} title={iso}>{ago(props.at, props.now)}</time>;
}

/** `1.5 MB`: sizes as people read them (powers of 1024). */
export function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit] as string}`;
}
