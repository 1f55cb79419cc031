import { PERSONAL_NAME_PATTERNS } from '../personal-name-patterns.js';

/** The lower-case words of a column name: `contactEMail_2` → `contact`, `e`, `mail`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .map((w) => w.normalize('NFD').replace(/\p{M}/gu, ''))
    .filter((w) => w.length > 0);
}

/** What a column seems to hold from its name (e.g. `an e-mail`), or undefined. */
export function personalNameMatch(column: string): string | undefined {
  const words = nameWords(column);
  for (const pattern of PERSONAL_NAME_PATTERNS) {
    for (const phrase of pattern.phrases) {
      const parts = phrase.split(' ');
      for (let i = 0; i < words.length; i++) {
        const joined = words[i] === parts.join('');
        const sequence = parts.every((p, j) => words[i + j] === p);
        if (!joined && !sequence) continue;
        if (i > 0 && pattern.notAfter?.includes(words[i - 1]!)) continue;
        return pattern.what;
      }
    }
  }
  return undefined;
}
