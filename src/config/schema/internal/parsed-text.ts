import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { InvalidValueError } from '../../values/invalid-value-error.js';
import { TEMPLATE_PATTERN } from './json-schema-edits.js';

/** The error option for a field: its own message for a wrong type, but a missing key stays "missing". */
export function typeError(message: string) {
  return (issue: { input?: unknown }): string | undefined => (issue.input === undefined ? undefined : message);
}

/** The error option for a mapping or list: its own message for a wrong type only, not for its keys or items. */
export function containerError(message: string) {
  return (issue: { code?: string; input?: unknown }): string | undefined =>
    issue.code === 'invalid_type' && issue.input !== undefined ? message : undefined;
}

/**
 * A text field read by one of the value parsers (`parseDuration`, `parseSize`…). The
 * parser's `expected` becomes the message; the value itself is shown from the file.
 */
export function parsedText<T>(parse: (text: string) => T, expected: string, jsonPattern?: string) {
  const text = z.string({ error: typeError(`expected ${expected}${GOT}`) });
  // The pattern only guides editors (a `${VAR}` template passes too); the parser decides.
  const input = jsonPattern === undefined ? text : text.meta({ pattern: `${jsonPattern}|${TEMPLATE_PATTERN}` });
  return input.transform((text, ctx): T => {
    try {
      return parse(text);
    } catch (error) {
      if (!(error instanceof InvalidValueError)) throw error;
      const detail = error.detail ? ` (${error.detail})` : '';
      ctx.addIssue({ code: 'custom', message: `expected ${error.expected}${GOT}${detail}`, input: text });
      return z.NEVER;
    }
  });
}
