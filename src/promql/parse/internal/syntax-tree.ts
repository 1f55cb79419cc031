import { parser } from '@prometheus-io/lezer-promql';
import { PromqlParseError } from '../../../errors.js';
import { describeToken, type Token } from './lexer.js';
import type { Source, SyntaxNode } from './source.js';
import { reassociate } from './tree-rotations.js';

/**
 * Runs lezer's PromQL grammar over the expression and returns its tree, with the
 * shapes changed where Prometheus 2.42's grammar binds differently (see
 * `tree-rotations.ts`). Throws `PromqlParseError` at the first error node.
 */

type LezerTree = ReturnType<typeof parser.parse>;
type LezerNode = LezerTree['topNode'];

interface ErrorSite {
  at: number;
  /** The name of the error node's parent. */
  parent: string;
}

/** Error contexts worth naming, as Prometheus does ("unexpected "," in grouping opts"). */
const CONTEXTS: Readonly<Record<string, string>> = {
  GroupingLabels: ' in grouping opts',
  LabelMatchers: ' in label matching',
  UnquotedLabelMatcher: ' in label matching',
  OffsetExpr: ' in offset, expected duration',
  OffsetDurationExpr: ' in offset, expected duration',
  AggregateExpr: ' in aggregation',
};

/** The tree of `source`, whose tokens the 2.42 lexer already accepted. */
export function parseSyntaxTree(source: Source): SyntaxNode {
  let text = lezerText(source);
  let tree = parser.parse(text);
  let error = firstError(tree);
  // 2.42 also reads `offset` as a metric name (`offset{job="x"}`, `foo + offset`);
  // lezer only as the modifier, so retry with each one that lezer stumbles on renamed.
  for (const token of source.tokens) {
    if (!error) break;
    if (token.kind !== 'keyword' || token.text.toLowerCase() !== 'offset') continue;
    const renamed = text.slice(0, token.start) + 'o'.padEnd(token.text.length, '_') + text.slice(token.end);
    const retry = parser.parse(renamed);
    const retryError = firstError(retry);
    if (!retryError || retryError.at > error.at) [text, tree, error] = [renamed, retry, retryError];
  }
  if (error) throw syntaxError(source, error);
  return reassociate(plain(tree.topNode), source);
}

/**
 * The text lezer reads: number and duration tokens respelled in lezer's syntax with the
 * same length (`0X1F` → `1111`, `1.5h` → `111s`), so offsets still match and the tree
 * builder reads the values from the 2.42 tokens; 2.42's letter-as-colon becomes `:`.
 */
function lezerText(source: Source): string {
  let text = '';
  let copied = 0;
  let previous: Token | undefined;
  for (const token of source.tokens) {
    const spelled = respelled(token);
    if (spelled === undefined) continue;
    // Two respelled tokens must not touch, or lezer would read one; 2.42 refuses `1..2` there anyway.
    if (previous?.end === token.start) throw new PromqlParseError(`unexpected ${describeToken(token)}`, token.start);
    text += source.text.slice(copied, token.start) + spelled;
    copied = token.end;
    previous = token;
  }
  return text + source.text.slice(copied);
}

function respelled(token: Token): string | undefined {
  const length = token.end - token.start;
  if (token.kind === 'duration') return `${'1'.repeat(length - 1)}s`;
  if (token.kind === 'number' && /^[\d.]/.test(token.text)) return '1'.repeat(length);
  if (token.kind === 'punctuation' && /^[a-zA-Z_]$/.test(token.text)) return ':';
  return undefined;
}

function firstError(tree: LezerTree): ErrorSite | undefined {
  let site: ErrorSite | undefined;
  tree.iterate({
    enter: (ref) => {
      if (site) return false;
      if (!ref.type.isError) return true;
      site = { at: ref.from, parent: ref.node.parent?.name ?? '' };
      return false;
    },
  });
  return site;
}

function syntaxError(source: Source, site: ErrorSite): PromqlParseError {
  const token = source.tokenAfter(site.at);
  if (!token) return new PromqlParseError('unexpected end of input', source.text.length);
  const index = source.tokens.indexOf(token);
  const previous: Token | undefined = source.tokens[index - 1];
  if (token.text === ')' && previous?.text === ',' && site.parent === 'FunctionCallBody') {
    return new PromqlParseError('trailing commas not allowed in function call args', previous.start);
  }
  return new PromqlParseError(`unexpected ${describeToken(token)}${CONTEXTS[site.parent] ?? ''}`, token.start);
}

function plain(node: LezerNode): SyntaxNode {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name !== 'LineComment') children.push(plain(child));
  }
  return { name: node.name, from: node.from, to: node.to, children };
}
