import type * as z from 'zod';
import { encodeIssueNote } from '../schema/internal/issue-codec.js';
import { unknownKeysNote } from '../schema/internal/unknown-keys-note.js';
import { GOT } from './path-problem.js';

const TYPE_NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  null: 'an empty value',
};

/**
 * The per-parse error map: turns zod's issue codes into the messages users read.
 * Schemas that know better (durations, names…) set their own and win over this one.
 */
export function defaultIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return encodeIssueNote({ kind: 'missing' });
  }
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NOUNS[issue.expected] ?? issue.expected}${GOT}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `expected at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}${GOT}`
        : `expected ${issue.origin === 'string' ? `at least ${issue.minimum} characters` : `a number ≥ ${issue.minimum}`}${GOT}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `expected at most ${issue.maximum} items${GOT}`
        : `expected ${issue.origin === 'string' ? `at most ${issue.maximum} characters` : `a number ≤ ${issue.maximum}`}${GOT}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => String(v)).join(', ')}${GOT}`;
    case 'invalid_format':
      return `expected text matching ${'pattern' in issue && issue.pattern ? issue.pattern : issue.format}${GOT}`;
    case 'unrecognized_keys': {
      const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
      return unknownKeysNote(issue.keys, shape ? Object.keys(shape) : []);
    }
    case 'invalid_union':
      return `expected one of the accepted forms${GOT}`;
    case 'invalid_key':
      return issue.issues[0]?.message ?? `invalid key${GOT}`;
    default:
      return undefined;
  }
}
