import type { Document, LineCounter, YAMLError } from 'yaml';
import type { ConfigProblem } from '../../errors.js';
import { formatConfigPath } from '../problems/format-config-path.js';
import { quote } from './describe-node.js';
import { pathAtOffset } from './yaml-node-lookup.js';

/** Turns a YAML parser error or warning into a positioned config problem. */
export function describeYamlError(
  error: YAMLError,
  doc: Document.Parsed,
  lineCounter: LineCounter,
  file: string,
  text: string,
): ConfigProblem {
  const offset = error.pos[0];
  const { line, col } = lineCounter.linePos(offset);
  // After a syntax error the tree is a guess, so only duplicate keys and warnings get a path.
  const trusted = error.code === 'DUPLICATE_KEY' || error.name === 'YAMLWarning';
  const path = trusted ? pathAtOffset(doc, offset) : [];
  let message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  if (error.code === 'DUPLICATE_KEY') {
    const key = path[path.length - 1];
    message = key === undefined ? 'duplicate key' : `duplicate key ${quote(String(key))}`;
  } else {
    message = `YAML: ${lowerFirst(message)}${flowHint(text, lineCounter, line)}`;
  }
  return { file, line: Math.max(line, 1), col, path: formatConfigPath(path), message };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** `{ token: ${VAR} }` is a YAML syntax error (braces end a flow mapping); say how to fix it. */
function flowHint(text: string, lineCounter: LineCounter, line: number): string {
  const start = lineCounter.lineStarts[line - 1] ?? 0;
  const end = lineCounter.lineStarts[line] ?? text.length;
  const source = text.slice(start, end);
  return /[{[,]\s*[^"'\s]*\$\{/.test(source) || /:\s+\$\{[^}]*\}\s*[,}\]]/.test(source) ? ' (inside { } or [ ], put "${VAR}" in quotes)' : '';
}
