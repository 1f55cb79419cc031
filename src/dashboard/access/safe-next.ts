/**
 * Where to go after login: `next` when it is a same-origin relative path, else `/`.
 * `//host`, `/\host`, schemes and control characters would leave the site and are refused.
 */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  const base = 'http://guardia.invalid';
  const url = new URL(next, base);
  if (url.origin !== base) return '/';
  if (url.pathname === '/login' || url.pathname === '/logout') return '/';
  return url.pathname + url.search + url.hash;
}
