/**
 * A connection URL for a client tool's command line without its password, which goes into
 * `PGPASSWORD` instead: command lines are visible to every local user (`ps`), the environment
 * is not. Strings that are not URLs (`host=… dbname=…`) are passed through unchanged.
 */
export function splitPassword(url: string): { url: string; password?: string } {
  if (!/^postgres(ql)?:\/\//i.test(url)) return { url };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url };
  }
  const querySetting = parsed.search.slice(1).split('&').find((part) => part.startsWith('password='));
  const password = parsed.password ? decodeURIComponent(parsed.password) : querySetting && decodeURIComponent(querySetting.slice('password='.length));
  if (!password) return { url };
  parsed.password = '';
  // Rebuilt by hand: URLSearchParams would re-encode spaces as `+`, which libpq reads literally.
  if (querySetting !== undefined) parsed.search = parsed.search.slice(1).split('&').filter((part) => part !== querySetting).join('&');
  return { url: parsed.href, password };
}

/** `text` with passwords in URLs (`://user:secret@`) and `password=…` settings masked. */
export function maskPasswords(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@\s]*@/gi, '$1:***@')
    .replace(/(\bpassword\s*=\s*)('[^']*'|[^\s&]+)/gi, '$1***');
}
