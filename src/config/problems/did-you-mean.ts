/** Edit distance between two strings (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The known key a mistyped one most likely meant: within 2 edits, or a prefix either way
 * (`retry` → `retry_delay`), compared case-insensitively. Undefined when nothing is close.
 */
export function didYouMean(unknown: string, known: readonly string[]): string | undefined {
  const typed = unknown.toLowerCase();
  let best: { key: string; score: number } | undefined;
  for (const key of known) {
    const candidate = key.toLowerCase();
    const distance = levenshtein(typed, candidate);
    const prefix = typed.length >= 2 && (candidate.startsWith(typed) || typed.startsWith(candidate));
    const score = distance <= 2 ? distance : prefix ? 3 : Infinity;
    if (score < (best?.score ?? Infinity)) best = { key, score };
  }
  return best?.key;
}
