/** Shannon entropy of `text` in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...text].length;
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// Generated secrets mix letters and digits within one run; made-up ones join words and numbers
// (`shared-token-1234`), and code has short runs (`/^[A-Za-z0-9_-]{8,128}$/`).
const MIXED_RUN = /[A-Za-z0-9]{8,}/g;

/** A generic value counts as random when long, varied, and has a long run mixing letters and digits. */
export function looksRandom(value: string, minLength: number, minBits: number): boolean {
  if (value.length < minLength || shannonEntropy(value) < minBits) return false;
  return (value.match(MIXED_RUN) ?? []).some((run) => /[A-Za-z]/.test(run) && /\d/.test(run));
}
