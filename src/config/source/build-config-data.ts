import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import { ConfigFileError } from '../../errors.js';
import { formatConfigPath } from '../problems/format-config-path.js';
import type { ConfigPath, PathProblem } from '../problems/path-problem.js';
import { interpolateText } from './interpolate-text.js';
import { keyText } from './yaml-node-lookup.js';

/** The config as plain data, ready for the schema. */
export interface ConfigData {
  data: unknown;
  /** Every non-empty value taken from the environment. */
  secrets: string[];
  problems: PathProblem[];
  /** Formatted paths whose value is already reported; schema issues there would repeat it. */
  reported: Set<string>;
}

// Aliases are already bounded by the parser's alias check; this guards the walk itself.
const MAX_NODES = 200_000;

/** Converts the YAML tree to plain data, expanding `${VAR}` in string values (never in keys). */
export function buildConfigData(doc: Document.Parsed, env: NodeJS.ProcessEnv, file: string): ConfigData {
  const out: ConfigData = { data: undefined, secrets: [], problems: [], reported: new Set() };
  let visited = 0;
  const report = (path: ConfigPath, message: string, at?: 'key'): void => {
    out.problems.push(at ? { path, message, at } : { path, message });
    out.reported.add(formatConfigPath(path));
  };

  const walk = (node: unknown, path: ConfigPath): unknown => {
    if (++visited > MAX_NODES) throw new ConfigFileError(`${file}: too many YAML aliases (the document expands to an unreasonable size)`);
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target === undefined) report(path, `unknown anchor "${node.source}" (define &${node.source} before using *${node.source})`);
      return target === undefined ? null : walk(target, path);
    }
    if (isMap(node)) {
      const result: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = keyText(pair);
        if (key === undefined) {
          report(path, 'expected a plain key (text or a number), got a mapping, list or empty key');
          continue;
        }
        // defineProperty: a key named "__proto__" must stay a plain key.
        Object.defineProperty(result, key, { value: walk(pair.value, [...path, key]), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    if (isSeq(node)) return node.items.map((item, index) => walk(item, [...path, index]));
    if (isScalar(node)) return scalarValue(node, path);
    return node === null || node === undefined ? null : String(node as Node);
  };

  const scalarValue = (node: { value: unknown; source?: string }, path: ConfigPath): unknown => {
    const value = node.value;
    if (typeof value === 'string') {
      const result = interpolateText(value, env);
      for (const error of result.errors) report(path, error);
      out.secrets.push(...result.secrets);
      return result.errors.length > 0 ? value : result.text;
    }
    if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
    // YAML 1.1 documents can produce dates or binary; treat them as the text written.
    return node.source ?? String(value);
  };

  out.data = walk(doc.contents, []);
  out.secrets = [...new Set(out.secrets)];
  return out;
}
