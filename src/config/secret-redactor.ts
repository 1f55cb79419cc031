/**
 * Secrets shorter than this are not masked: an interpolated port or retry count ("5")
 * would otherwise turn every digit in every log line into `***`.
 */
export const MIN_SECRET_LENGTH = 4;

// `scheme://user:password@host`: the password ends at the last `@` before the path.
const URL_PASSWORD = /(\/\/[^\s/?#@:]*):([^\s/?#]+)@/g;

/**
 * Returns a function that replaces every secret value (longest first, so a secret that
 * contains another is masked whole) with `***`, and masks passwords inside URLs
 * (`//user:pass@` → `//user:***@`) even when they were not interpolated.
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const values = [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  return (text: string): string => {
    let out = text;
    for (const secret of values) out = out.split(secret).join('***');
    return out.replace(URL_PASSWORD, (_match, prefix: string) => `${prefix}:***@`);
  };
}
