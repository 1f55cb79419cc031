import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { VERSION } from '../../cli/version.js';
import type { PageShellProps, Section } from '../page-shell.js';

const NAV: readonly { section: Section; href: string; label: string }[] = [
  { section: 'overview', href: '/', label: 'Overview' },
  { section: 'alerts', href: '/alerts', label: 'Alerts' },
  { section: 'incidents', href: '/incidents', label: 'Incidents' },
  { section: 'backups', href: '/backups', label: 'Backups' },
  { section: 'environments', href: '/environments', label: 'Environments' },
];

/**
 * The HTML document around every dashboard page: navigation, the caller and a logout form
 * (POST /logout with `_csrf`), a notice after a form post, and `<main>`. Scripts are files
 * under /assets only (the CSP forbids inline scripts); htmx sends the CSRF token as a header.
 * The body holds the page's one `/live` stream; elements with `sse-swap` inside it update live.
 */
export function PageLayout(props: PageShellProps): Child {
  const { caller, csrfToken, notice } = props;
  // Without a doctype the browser renders in quirks mode (forms get margins, tables inherit no font size).
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="csrf-token" content={csrfToken} />
          {/* htmx would add an inline <style>, which the CSP refuses. */}
          <meta name="htmx-config" content='{"includeIndicatorStyles":false}' />
          <title>{`${props.title} · guardia`}</title>
          <link rel="stylesheet" href={`/assets/guardia.css?v=${VERSION}`} />
          <link rel="stylesheet" href={`/assets/uPlot.min.css?v=${VERSION}`} />
          <script src={`/assets/htmx.min.js?v=${VERSION}`} defer></script>
          <script src={`/assets/htmx-ext-sse.js?v=${VERSION}`} defer></script>
          <script src={`/assets/uPlot.iife.min.js?v=${VERSION}`} defer></script>
          <script src={`/assets/guardia.js?v=${VERSION}`} defer></script>
        </head>
        <body hx-headers={JSON.stringify({ 'X-CSRF-Token': csrfToken })} hx-ext="sse" sse-connect="/live">
          <a class="skip" href="#main">Skip to content</a>
          <header class="top">
            <span class="brand">guardia</span>
            <nav aria-label="Sections">
              <ul>
                {NAV.map((item) => (
                  <li>
                    <a href={item.href} aria-current={isCurrent(props.section, item.section) ? 'page' : undefined}>{item.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
            <form class="who" method="post" action="/logout">
              <span>{caller.name} <span class="role">({caller.role})</span></span>
              <input type="hidden" name="_csrf" value={csrfToken} />
              <button type="submit">Log out</button>
            </form>
          </header>
          <div id="firing-banner" sse-swap="alerts" aria-live="polite"></div>
          {notice && (
            <p class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>{notice.text}</p>
          )}
          <main id="main">
            <h1>{props.title}</h1>
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}

// A probe page belongs to the overview in the navigation.
function isCurrent(page: Section, item: Section): boolean {
  return page === item || (page === 'probes' && item === 'overview');
}
