import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { typeError } from './parsed-text.js';

/** A regular expression (JavaScript syntax); it must compile. */
export function regexField() {
  return z.string({ error: typeError(`expected a regular expression${GOT}`) }).superRefine((source, ctx) => {
    try {
      new RegExp(source);
    } catch (error) {
      // V8's message repeats the pattern; keep only the reason after the last colon.
      const reason = error instanceof Error ? (error.message.split(': ').pop() ?? '').toLowerCase() : '';
      ctx.addIssue({ code: 'custom', message: `expected a valid regular expression${GOT}${reason ? ` (${reason})` : ''}` });
    }
  });
}
