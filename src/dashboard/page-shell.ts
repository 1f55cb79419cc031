import type { Child } from 'hono/jsx';
import type { DashboardCaller } from './dashboard-env.js';

/** The dashboard's sections, in navigation order; later capabilities add theirs. */
export type Section = 'overview' | 'probes' | 'alerts' | 'incidents' | 'backups' | 'environments';

/** What `layout/page-layout.tsx` (`PageLayout`) renders around every dashboard page. */
export interface PageShellProps {
  title: string;
  section: Section;
  caller: DashboardCaller;
  csrfToken: string;
  /** A message shown above the content after a form post (`?notice=` or a re-rendered form). */
  notice?: { kind: 'ok' | 'error'; text: string };
  children?: Child;
}
