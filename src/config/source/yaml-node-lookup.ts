import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import type { ConfigPath } from '../problems/path-problem.js';

/** Where a path leads in the YAML tree. */
export interface NodeAtPath {
  /** True when every key of the path exists. */
  found: boolean;
  /** The value node, or the deepest existing node when not found. */
  node: Node | null;
  /** The key node of the last existing step, when it was a mapping key. */
  key?: Node;
}

/** The key text of a mapping pair, or undefined for keys that are not plain scalars. */
export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key) && key.value !== null && typeof key.value !== 'object') return String(key.value);
  return undefined;
}

/** Follows aliases so lookups see through `*anchor`. */
export function derefNode(doc: Document.Parsed, node: unknown): Node | null {
  if (isAlias(node)) return node.resolve(doc) ?? null;
  return (node as Node | null | undefined) ?? null;
}

/** Finds the YAML node for a config path (the last of duplicate keys wins, as in the data). */
export function nodeAtPath(doc: Document.Parsed, path: ConfigPath): NodeAtPath {
  let node: Node | null = doc.contents;
  let key: Node | undefined;
  for (const step of path) {
    const current = derefNode(doc, node);
    let next: { value: Node | null; key?: Node } | undefined;
    if (isMap(current) && typeof step === 'string') {
      const pair = current.items.findLast((p) => keyText(p) === step);
      if (pair) next = { value: (pair.value as Node | null) ?? null, key: pair.key as Node };
    } else if (isSeq(current) && typeof step === 'number' && step < current.items.length) {
      next = { value: (current.items[step] as Node | null) ?? null };
    }
    if (!next) return { found: false, node, ...(key ? { key } : {}) };
    node = next.value ?? node;
    key = next.key;
    if (next.value === null) return { found: true, node, ...(key ? { key } : {}) };
  }
  return { found: true, node, ...(key ? { key } : {}) };
}

/** The keys of the mapping at a path, in file order. */
export function keysAtPath(doc: Document.Parsed, path: ConfigPath): string[] {
  const { found, node } = nodeAtPath(doc, path);
  const map = found ? derefNode(doc, node) : null;
  if (!isMap(map)) return [];
  return [...new Set(map.items.map(keyText).filter((k): k is string => k !== undefined))];
}

/**
 * The path of the key or value at a source offset (for parser errors and warnings). A
 * pair owns everything from its key to the next pair, so a tag or anchor written before a
 * value still belongs to that value.
 */
export function pathAtOffset(doc: Document.Parsed, offset: number): ConfigPath {
  const path: (string | number)[] = [];
  const starts = (n: unknown): number => (n as Node | null)?.range?.[0] ?? Infinity;
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.findLast((p) => starts(p.key) <= offset);
      const text = pair && keyText(pair);
      if (!pair || text === undefined) return path;
      path.push(text);
      const keyEnd = (pair.key as Node | null)?.range?.[1] ?? -1;
      if (offset < keyEnd) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findLastIndex((item) => starts(item) <= offset);
      if (index < 0) return path;
      path.push(index);
      node = node.items[index];
    } else {
      return path;
    }
  }
}
