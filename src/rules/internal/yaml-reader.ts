import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { ConfigProblem } from '../../errors.js';
import { parsePromDuration } from '../../gocompat/index.js';

/** A path into a YAML file: keys and list indexes. */
export type YamlPath = readonly (string | number)[];

/** One `key: value` of a mapping, with both nodes for positioning. */
export interface YamlEntry {
  key: string;
  keyNode: Node;
  value: Node | null;
}

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/** `groups[0].rules[1].expr`, as problems name a place. */
export function formatYamlPath(path: YamlPath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (PLAIN_KEY.test(step)) out += out === '' ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}

/**
 * Reads a YAML file node by node, collecting every problem with its `file:line:col`
 * instead of stopping at the first, the way guardia validates its own config. Values are
 * read as the file writes them, so `expr: 1` is the text "1" as in Prometheus.
 */
export class YamlReader {
  readonly problems: ConfigProblem[] = [];
  readonly doc: Document.Parsed;
  private readonly lines = new LineCounter();

  constructor(
    readonly text: string,
    readonly file: string,
    options: { yaml11?: boolean } = {},
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false, ...(options.yaml11 ? { version: '1.1' as const } : {}) });
    for (const error of [...this.doc.errors]) {
      const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      this.problemAt(error.pos[0], '', error.code === 'DUPLICATE_KEY' ? message.replace(/^Map keys must be unique/, 'duplicate key') : `YAML: ${message}`);
    }
  }

  /** True when the YAML itself is broken (beyond duplicate keys), so its tree cannot be trusted. */
  get broken(): boolean {
    return this.doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  }

  /** Records a problem at a node (or at the start of the file). */
  problem(node: Node | null | undefined, path: YamlPath, message: string): void {
    this.problemAt(node?.range?.[0] ?? 0, formatYamlPath(path), message);
  }

  /** Records a problem at a source offset. */
  problemAt(offset: number, path: string, message: string): void {
    const { line, col } = this.lines.linePos(offset);
    this.problems.push({ file: this.file, line: Math.max(line, 1), col: Math.max(col, 1), path, message });
  }

  /** The entries of a mapping; unknown keys are problems. `undefined` (with a problem) if not a mapping. */
  mapping(raw: Node | null, path: YamlPath, known: readonly string[]): Map<string, YamlEntry> | undefined {
    const node = this.deref(raw);
    if (isNull(node)) return new Map();
    if (!isMap(node)) {
      this.problem(node, path, `expected a mapping (key: value lines), got ${describe(node)}`);
      return undefined;
    }
    const entries = new Map<string, YamlEntry>();
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value ?? '') : '';
      if (known.length > 0 && !known.includes(key)) {
        this.problem(pair.key, [...path, key], `unknown field ${JSON.stringify(key)}; expected one of ${known.join(', ')}`);
        continue;
      }
      entries.set(key, { key, keyNode: pair.key, value: pair.value ?? null });
    }
    return entries;
  }

  /** The items of a list; `null` reads as an empty list. */
  sequence(raw: Node | null, path: YamlPath): (Node | null)[] | undefined {
    const node = this.deref(raw);
    if (isNull(node)) return [];
    if (!isSeq(node)) {
      this.problem(node, path, `expected a list, got ${describe(node)}`);
      return undefined;
    }
    return node.items as (Node | null)[];
  }

  /** A scalar as text, the way Go's YAML decoders fill a string field (`1.0` stays "1.0"). */
  string(raw: Node | null, path: YamlPath): string | undefined {
    const node = this.deref(raw);
    if (node === null) return '';
    if (!isScalar(node)) {
      this.problem(node, path, `expected a string, got ${describe(node)}`);
      return undefined;
    }
    if (node.value === null) return '';
    return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
  }

  /** A Prometheus duration (`5m`, `1h30m`, `0`); an empty value is 0, as Go's decoders leave it. */
  duration(raw: Node | null, path: YamlPath): number | undefined {
    const node = this.deref(raw);
    if (isNull(node)) return 0;
    const text = this.string(node, path);
    if (text === undefined) return undefined;
    const ms = parsePromDuration(text);
    if (typeof ms === 'number') return ms;
    this.problem(node, path, `${ms.error}; write a duration like 30s, 5m or 1h30m`);
    return undefined;
  }

  /** A YAML number (`1`, `1e3`, `.inf`, `.nan`); quoted numbers are refused, as Go refuses them; empty is 0. */
  number(raw: Node | null, path: YamlPath, integer = false): number | undefined {
    const node = this.deref(raw);
    if (isNull(node)) return 0;
    const value = isScalar(node) ? node.value : undefined;
    const ok = typeof value === 'number' && (!integer || Number.isInteger(value));
    if (ok) return value;
    this.problem(node, path, `expected ${integer ? 'a whole number' : 'a number'}, got ${describe(node)}`);
    return undefined;
  }

  /** Follows `*alias` references to the anchored node. */
  deref(node: Node | null): Node | null {
    return isAlias(node) ? ((node.resolve(this.doc) as Node | undefined) ?? null) : node;
  }

  /** Offset in the file of the node's first character. */
  offsetOf(node: Node | null): number {
    return node?.range?.[0] ?? 0;
  }
}

function isNull(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

function describe(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'an empty value' : JSON.stringify(node.source ?? String(node.value));
  return 'an unsupported YAML value';
}
