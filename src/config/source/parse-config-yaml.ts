import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { ConfigFileError } from '../../errors.js';
import type { ConfigProblem } from '../../errors.js';
import { describeYamlError } from './describe-yaml-error.js';

/** A parsed config document with what is needed to position problems. */
export interface ParsedConfigYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Syntax errors, duplicate keys and warnings, already positioned. */
  problems: ConfigProblem[];
  /** True when the document is too broken to validate further (not just duplicate keys). */
  broken: boolean;
}

/**
 * Each alias expansion is counted; a legitimate config stays far below this, while a
 * "billion laughs" document exceeds it within the first few levels.
 */
export const MAX_ALIAS_COUNT = 1000;
const MAX_SYNTAX_LINES = 3;

/** Parses config text; document-level failures throw `ConfigFileError` naming the file. */
export function parseConfigYaml(text: string, file: string): ParsedConfigYaml {
  const fail = (why: string): ConfigFileError => new ConfigFileError(`${file}: ${why}`);
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  } catch (error) {
    throw fail(`cannot be parsed as YAML (${firstLine(error)})`);
  }
  const multi = doc.errors.find((e) => e.code === 'MULTIPLE_DOCS');
  if (multi) {
    const { line } = lineCounter.linePos(multi.pos[0]);
    throw fail(`expected one YAML document, found several (remove the "---" at line ${line})`);
  }
  const broken = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  const described = [...doc.errors, ...doc.warnings].map((e) => describeYamlError(e, doc, lineCounter, file, text));
  const problems = broken ? firstSyntaxErrors(described) : described;
  if (!broken) checkTopLevel(doc, fail);
  return { doc, lineCounter, problems, broken };
}

function checkTopLevel(doc: Document.Parsed, fail: (why: string) => ConfigFileError): void {
  if (doc.contents === null) throw fail('is empty (or only comments); it needs at least "project:" and "environments:"');
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /alias count/i.test(error.message)) {
      throw fail('too many YAML aliases (the document expands to an unreasonable size)');
    }
    // Other failures (an alias to an unknown anchor…) are reported with their position later.
  }
  const top = doc.contents;
  if (isMap(top)) return;
  const got = isSeq(top) ? 'a list' : 'a single value';
  throw fail(`expected a mapping of settings at the top level, got ${got}`);
}

/**
 * After a syntax error the parser reports every following token as unexpected; those
 * echoes bury the cause. Keep the first error of each line, and only the first few lines.
 */
function firstSyntaxErrors(problems: ConfigProblem[]): ConfigProblem[] {
  const byLine = new Map<number, ConfigProblem>();
  for (const problem of [...problems].sort((a, b) => a.line - b.line || a.col - b.col)) {
    if (!byLine.has(problem.line)) byLine.set(problem.line, problem);
  }
  const lines = [...byLine.values()];
  if (lines.length <= MAX_SYNTAX_LINES) return lines;
  const next = lines[MAX_SYNTAX_LINES] as ConfigProblem;
  const more = { ...next, path: '', message: `YAML: more errors on ${lines.length - MAX_SYNTAX_LINES} more lines, often caused by the first one; fix it and run again` };
  return [...lines.slice(0, MAX_SYNTAX_LINES), more];
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
