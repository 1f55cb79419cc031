import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { httpStatusOf, toPublicError } from '../errors.js';

/** Every API error is `{code, message}` with the status its error class names. */
export function errorResponse(c: Context, error: unknown, redact: (text: string) => string, log?: (error: unknown) => void) {
  const status = httpStatusOf(error) as ContentfulStatusCode;
  if (status >= 500) log?.(error);
  return c.json(toPublicError(error, redact), status);
}
