import type * as z from 'zod';
import { decodeIssueNote } from '../schema/internal/issue-codec.js';
import { didYouMean } from './did-you-mean.js';
import type { ConfigPath, PathProblem } from './path-problem.js';

/** Turns zod issues into problems at config paths, following each union into the option that applies. */
export function mapIssues(issues: readonly z.core.$ZodIssue[], base: ConfigPath = []): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    const note = decodeIssueNote(issue.message);
    if (note?.kind === 'branch' && issue.code === 'invalid_union') {
      problems.push(...mapIssues(issue.errors[note.index] ?? [], path));
    } else if (note?.kind === 'missing') {
      const key = path[path.length - 1];
      problems.push({ path: path.slice(0, -1), message: `missing required key ${JSON.stringify(String(key))}` });
    } else if (note?.kind === 'unknown') {
      for (const key of note.keys) problems.push({ path: [...path, key], message: unknownKeyMessage(key, note.known, note.hints), at: 'key' });
    } else if (issue.code === 'invalid_key') {
      problems.push({ path, message: issue.message, at: 'key' });
    } else {
      problems.push({ path, message: issue.message });
    }
  }
  return problems;
}

function unknownKeyMessage(key: string, known: readonly string[], hints: Record<string, string>): string {
  if (Object.hasOwn(hints, key)) return hints[key] as string;
  if (key === '<<') return 'merge keys ("<<") are not supported; use "defaults:" for shared probe settings';
  const guess = didYouMean(key, known);
  return guess ? `unknown key ${JSON.stringify(key)}; did you mean ${JSON.stringify(guess)}?` : `unknown key ${JSON.stringify(key)}`;
}
