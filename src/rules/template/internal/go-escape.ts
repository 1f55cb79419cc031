/** The escapers Go templates and Prometheus links use. */

/** `template.HTMLEscapeString`. */
export function escapeHtml(text: string): string {
  const table: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\0': '\uFFFD' };
  return text.replace(/[<>&'"\0]/g, (c) => table[c] as string);
}

/** `template.JSEscapeString`. */
export function escapeJs(text: string): string {
  const table: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' };
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0) as number;
    if (table[c] !== undefined) out += table[c];
    else if (code < 0x20) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += c;
  }
  return out;
}

/** `url.QueryEscape`: spaces become `+`, everything but `A-Za-z0-9-_.~` is percent-encoded. */
export function queryEscape(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
