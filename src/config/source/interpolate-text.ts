/** What `${VAR}` interpolation of one string produced. */
export interface Interpolation {
  text: string;
  /** Whether the text contained at least one `${…}` reference. */
  interpolated: boolean;
  /** Non-empty values taken from the environment. */
  secrets: string[];
  /** One message per bad reference; when non-empty, `text` must not be used. */
  errors: string[];
}

const REFERENCE = /^([A-Za-z_][A-Za-z0-9_]*)(?::-([\s\S]*))?$/;

/**
 * Expands `${VAR}` and `${VAR:-default}` the POSIX way: unset is an error, set-but-empty is
 * the empty string, `:-` uses the default when unset or empty. `$$` is a literal `$`;
 * any other `$` is kept as written, so regexes (`ok$`) and JSON paths (`$.a`) need no escaping.
 */
export function interpolateText(template: string, env: NodeJS.ProcessEnv): Interpolation {
  const result: Interpolation = { text: '', interpolated: false, secrets: [], errors: [] };
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) break;
    result.text += template.slice(i, dollar);
    const next = template[dollar + 1];
    if (next === '$') {
      result.text += '$';
      i = dollar + 2;
    } else if (next === '{') {
      i = expandReference(template, dollar, env, result);
    } else {
      result.text += '$';
      i = dollar + 1;
    }
  }
  result.text += template.slice(i);
  return result;
}

function expandReference(template: string, start: number, env: NodeJS.ProcessEnv, result: Interpolation): number {
  result.interpolated = true;
  const end = template.indexOf('}', start + 2);
  if (end < 0) {
    result.errors.push('unclosed "${" (write "$${" for a literal "${")');
    return template.length;
  }
  const inner = template.slice(start + 2, end);
  const match = REFERENCE.exec(inner);
  if (!match) {
    result.errors.push(
      `malformed reference "\${${inner}}": expected \${NAME} or \${NAME:-default}, NAME being letters, digits and "_" (write "$$" for a literal "$")`,
    );
    return end + 1;
  }
  const [, name, fallback] = match as unknown as [string, string, string | undefined];
  const value = env[name];
  if (fallback !== undefined && (value === undefined || value === '')) {
    result.text += fallback;
  } else if (value === undefined) {
    result.errors.push(`environment variable ${name} is not set (write \${${name}:-default} to give a default)`);
  } else {
    result.text += value;
    if (value !== '') result.secrets.push(value);
  }
  return end + 1;
}
