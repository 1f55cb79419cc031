import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { VERSION } from '../../cli/version.js';

/** The bare document around login and access pages (no navigation: there is no caller yet). */
function AccessDocument(props: { title: string; children?: Child }) {
  // Without a doctype the browser renders in quirks mode (forms get margins, tables inherit no font size).
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${props.title} · guardia`}</title>
          <link rel="stylesheet" href={`/assets/guardia.css?v=${VERSION}`} />
        </head>
        <body>
          <main id="main" class="access">
            <h1>{props.title}</h1>
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}

/** The login form; `csrfToken` is the double-submit value also held in the pre-session cookie. */
export function LoginPage(props: { csrfToken: string; next: string; name?: string; error?: string }) {
  return (
    <AccessDocument title="Log in">
      {props.error ? (
        <p class="notice error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={`/login?next=${encodeURIComponent(props.next)}`}>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <p>
          <label for="login-name">Name</label>
          <input id="login-name" name="name" autocomplete="username" required value={props.name ?? ''} />
        </p>
        <p>
          <label for="login-password">Password</label>
          <input id="login-password" name="password" type="password" autocomplete="current-password" required />
        </p>
        <p>
          <button type="submit">Log in</button>
        </p>
      </form>
    </AccessDocument>
  );
}

/** A one-message page: refused, expired, rate limited, or how to create the first user. */
export function MessagePage(props: { title: string; message: string; link?: { href: string; text: string } }) {
  return (
    <AccessDocument title={props.title}>
      <p>{props.message}</p>
      {props.link ? (
        <p>
          <a href={props.link.href}>{props.link.text}</a>
        </p>
      ) : null}
    </AccessDocument>
  );
}

/** Shown when nobody can log in yet: no user exists. */
export function NoUsersPage() {
  return (
    <AccessDocument title="No users yet">
      <p>The dashboard needs a login, and no user exists. Create one on the server:</p>
      <pre>
        <code>printf '%s' 'a long password' | guardia user add alice --role admin --password-stdin</code>
      </pre>
      <p>
        Then <a href="/login">log in</a>. API tokens (<code>guardia token create</code>) work too, as <code>Authorization: Bearer</code>.
      </p>
    </AccessDocument>
  );
}
