import type { SecretDisplay } from '../secret-scan.js';

// Below this length even four characters at each end would give too much away.
const MIN_LENGTH_TO_SHOW_ENDS = 16;
const SHOWN_AT_EACH_END = 4;

/** `AKIA************1234`: both ends of a long secret, nothing of a short one. */
export function maskSecret(secret: string): string {
  if (secret.length < MIN_LENGTH_TO_SHOW_ENDS) return '*'.repeat(secret.length);
  const hidden = secret.length - 2 * SHOWN_AT_EACH_END;
  return secret.slice(0, SHOWN_AT_EACH_END) + '*'.repeat(hidden) + secret.slice(-SHOWN_AT_EACH_END);
}

/** What a finding prints: see `SecretDisplay`. `secretStart` is the secret's offset inside `match`. */
export function displayFinding(display: SecretDisplay, match: string, secret: string, secretStart: number): string {
  if (display === 'first-line') return match.split(/\\n|\r?\n/, 1)[0] ?? '';
  if (display === 'secret') return maskSecret(secret);
  return match.slice(0, secretStart) + maskSecret(secret) + match.slice(secretStart + secret.length);
}
