import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { typeError } from './parsed-text.js';

/** Text that must parse as a URL with one of the given schemes (`https:`…). */
export function urlField(protocols: readonly string[], expected: string) {
  const message = `expected ${expected}${GOT}`;
  return z.string({ error: typeError(message) }).refine((text) => hasProtocol(text, protocols), { error: message });
}

function hasProtocol(text: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
