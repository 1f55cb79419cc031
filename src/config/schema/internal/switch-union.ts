import * as z from 'zod';
import { encodeIssueNote } from './issue-codec.js';

/**
 * Which option of a union applies to an input: its index, or a message (with `GOT`) when
 * none does. Deciding from the input's shape (its type, or which key it has) lets a
 * failed union report the problems of the one option the user meant, instead of a vague
 * "invalid input" or the problems of every option.
 */
export type UnionSelector = (input: unknown) => number | string;

/** A `z.union` whose failures are reported as the problems of the selected option. */
export function switchUnion<const T extends readonly [z.ZodType, ...z.ZodType[]]>(
  options: T,
  select: UnionSelector,
): z.ZodUnion<T> {
  return z.union(options, {
    error: (issue) => {
      // A missing value is reported by the enclosing object as a missing key.
      if (issue.code !== 'invalid_union' || issue.input === undefined) return undefined;
      const choice = select(issue.input);
      return typeof choice === 'number' ? encodeIssueNote({ kind: 'branch', index: choice }) : choice;
    },
  });
}

/** Selects by JavaScript type: `{ number: 0, string: 1 }`, with a message for other types. */
export function byType(branches: Partial<Record<'number' | 'string' | 'boolean' | 'object' | 'array' | 'null', number>>, otherwise: string): UnionSelector {
  return (input) => {
    const type = input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
    return branches[type as keyof typeof branches] ?? otherwise;
  };
}
