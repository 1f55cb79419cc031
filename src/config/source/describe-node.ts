import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import { createRedactor } from '../secret-redactor.js';
import { derefNode } from './yaml-node-lookup.js';

const MAX_SHOWN = 60;
const maskUrlPasswords = createRedactor([]);

/**
 * How a value is written in the file, for `got …` in messages: `"10"`, `"${PORT}"`,
 * `a list`. It reads the YAML node, not the interpolated data, so a resolved secret can
 * never appear; passwords written inside URLs are masked too.
 */
export function describeNode(doc: Document.Parsed, raw: Node | null | undefined): string {
  const node = derefNode(doc, raw);
  if (node === null) return 'nothing';
  if (isMap(node)) return node.items.length > 0 ? 'a mapping' : 'an empty mapping';
  if (isSeq(node)) return node.items.length > 0 ? 'a list' : 'an empty list';
  if (!isScalar(node)) return 'an unsupported YAML value';
  if (typeof node.value === 'string') return quote(node.value);
  if (node.value === null && !node.source) return 'an empty value';
  return quote(node.source ?? String(node.value));
}

/** Quotes text for a message, shortened and with URL passwords masked. */
export function quote(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
  return JSON.stringify(maskUrlPasswords(shown));
}
