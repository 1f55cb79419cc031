/** A URL as text without its userinfo (`https://user:secret@host/` → `https://host/`). */
export function redactUrl(url: URL | string): string {
  try {
    const copy = new URL(String(url));
    copy.username = '';
    copy.password = '';
    return copy.href;
  } catch {
    return stripUserinfo(String(url));
  }
}

/** Removes anything that looks like `scheme://user:pass@` from free text, such as an error message. */
export function stripUserinfo(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, '$1');
}
