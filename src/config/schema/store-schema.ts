import * as z from 'zod';
import { GOT } from '../problems/path-problem.js';
import { optional } from './internal/optional-field.js';
import { typeError } from './internal/parsed-text.js';

const EXPECTED = `expected sqlite:PATH like "sqlite:.guardia/guardia.db"${GOT}`;

/**
 * Parses `store:` into the SQLite file path as written: `sqlite:PATH` is relative to the
 * config file's directory, `sqlite:///abs/path` is absolute. Resolution happens later.
 */
function parseStore(text: string, ctx: z.core.$RefinementCtx<string>): string {
  const trimmed = text.trim();
  if (/^postgres(ql)?:/i.test(trimmed)) {
    ctx.addIssue({ code: 'custom', message: 'PostgreSQL state store is not supported yet; use sqlite:PATH' });
    return z.NEVER;
  }
  const match = /^sqlite:(.*)$/i.exec(trimmed);
  let file = match?.[1] ?? '';
  if (file.startsWith('///')) file = file.slice(2);
  else if (file.startsWith('//')) file = '';
  if (file === '') {
    ctx.addIssue({ code: 'custom', message: EXPECTED });
    return z.NEVER;
  }
  return file;
}

/** `store:` — where guardia keeps its state. */
export const storeSchema = optional(z.string({ error: typeError(EXPECTED) }).transform(parseStore)).describe(
  'State store. `sqlite:PATH` (relative to this file\'s directory) or `sqlite:///absolute/path`. Default: `sqlite:.guardia/guardia.db` next to this file. PostgreSQL is not supported yet.',
);
