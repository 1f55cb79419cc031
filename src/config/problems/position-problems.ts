import { isScalar, type Document, type LineCounter } from 'yaml';
import type { ConfigProblem } from '../../errors.js';
import { describeNode, quote } from '../source/describe-node.js';
import { nodeAtPath } from '../source/yaml-node-lookup.js';
import { formatConfigPath } from './format-config-path.js';
import { VALUE } from './path-problem.js';
import type { PathProblem } from './path-problem.js';

/** Where problems are positioned: the parsed document and the name of the file as given. */
export interface ProblemSource {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  file: string;
}

/**
 * Gives each problem its `file:line:col` (the value; the key for unknown keys; the
 * enclosing mapping when the key is missing), fills in how the value is written, and
 * returns them in file order without duplicates.
 */
export function positionProblems(problems: readonly PathProblem[], source: ProblemSource): ConfigProblem[] {
  const seen = new Set<string>();
  const out: ConfigProblem[] = [];
  for (const problem of problems) {
    const positioned = positionProblem(problem, source);
    const key = `${positioned.line}:${positioned.col}:${positioned.path}:${positioned.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(positioned);
  }
  return sortProblems(out);
}

/** Orders problems by position, then path. */
export function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return problems.sort((a, b) => a.line - b.line || a.col - b.col || a.path.localeCompare(b.path));
}

function positionProblem(problem: PathProblem, { doc, lineCounter, file }: ProblemSource): ConfigProblem {
  const target = nodeAtPath(doc, problem.path);
  const atKey = problem.at === 'key' && target.found && target.key !== undefined;
  const node = atKey ? target.key : target.node;
  const shown = atKey ? quote(String(problem.path[problem.path.length - 1])) : target.found ? describeNode(doc, target.node) : 'nothing';
  const offset = (node?.range?.[0] ?? 0) + (atKey ? 0 : withinScalar(node, problem.offset));
  const { line, col } = lineCounter.linePos(offset);
  return {
    file,
    line: Math.max(line, 1),
    col: Math.max(col, 1),
    path: formatConfigPath(problem.path),
    message: problem.message.split(VALUE).join(shown),
  };
}

/**
 * How far into a scalar's source a character of its value sits: exact for plain and
 * quoted one-line values (the quote is skipped); block scalars point at their start.
 */
function withinScalar(node: unknown, offset: number | undefined): number {
  if (offset === undefined || !isScalar(node)) return 0;
  if (node.type === 'PLAIN') return offset;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') return offset + 1;
  return 0;
}
