import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { typeError } from './parsed-text.js';

/** Environment and probe names: they become ids (`env/probe`), metric labels and URL parts. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** A name (of an environment, a probe…) used as a mapping key. */
export function nameField(what: string) {
  const message = `expected ${what} made of letters, digits, "_" and "-", starting with a letter or digit${GOT}`;
  return z.string({ error: typeError(message) }).regex(NAME_PATTERN, { error: message });
}
