import { SECRET_RULES } from '../secret-rules.js';
import { ALLOW_SECRET_MARKER, type SecretRule } from '../secret-scan.js';
import { looksRandom } from './entropy.js';
import { displayFinding } from './mask.js';
import { defaultOfReference, isExampleHost, isPlaceholder, isTrivialPassword } from './placeholders.js';

/** A finding inside one text, before it is given a file name. */
export interface TextFinding {
  line: number;
  column: number;
  rule: SecretRule;
  masked: string;
}

interface Hit {
  start: number;
  end: number;
  rule: SecretRule;
  masked: string;
}

/** How to read a text. */
export interface ScanTextOptions {
  /** Source code: the generic rule only considers quoted values. */
  code?: boolean;
  rules?: readonly SecretRule[];
}

/** Every secret in `text`, in text order; one finding per stretch of text (the first rule that matched it). */
export function scanText(text: string, options: ScanTextOptions = {}): TextFinding[] {
  const { code = false, rules = SECRET_RULES } = options;
  const hits: Hit[] = [];
  for (const rule of rules) {
    for (const match of text.matchAll(withIndices(rule))) {
      const hit = toHit(rule, match, code);
      if (hit && !hits.some((h) => h.start < hit.end && hit.start < h.end)) hits.push(hit);
    }
  }
  const lines = lineStarts(text);
  return hits
    .sort((a, b) => a.start - b.start)
    .map((hit) => ({ hit, line: lineOf(lines, hit.start) }))
    .filter(({ line }) => !lineText(text, lines, line).includes(ALLOW_SECRET_MARKER))
    .map(({ hit, line }) => ({ line: line + 1, column: hit.start - (lines[line] ?? 0) + 1, rule: hit.rule, masked: hit.masked }));
}

function toHit(rule: SecretRule, match: RegExpExecArray, code: boolean): Hit | undefined {
  const whole = match[0];
  const matchStart = match.index;
  const group = match.indices?.groups?.secret;
  let secret = match.groups?.secret ?? whole;
  let secretStart = group ? group[0] - matchStart : 0;
  if (rule.entropy && code && !QUOTES.includes(whole[secretStart - 1] ?? '')) return undefined;
  const fallback = rule.entropy ? defaultOfReference(secret) : undefined;
  if (fallback) {
    secret = fallback.text;
    secretStart += fallback.offset;
  }
  if (!rule.keepPlaceholders && isPlaceholder(secret)) return undefined;
  if (rule.urlPassword && (isTrivialPassword(secret) || isExampleHost(whole.slice(secretStart + secret.length + 1)))) return undefined;
  if (rule.entropy && !looksRandom(secret, rule.entropy.minLength, rule.entropy.minBits)) return undefined;
  // A secret-only finding points at the secret itself, not at the name it is assigned to.
  const start = rule.display === 'secret' ? matchStart + secretStart : matchStart;
  return { start, end: matchStart + whole.length, rule, masked: displayFinding(rule.display, whole, secret, secretStart) };
}

/** The rule's pattern with match indices on, compiled once per rule. */
function withIndices(rule: SecretRule): RegExp {
  let pattern = compiled.get(rule);
  if (!pattern) {
    pattern = new RegExp(rule.pattern.source, rule.pattern.flags.includes('d') ? rule.pattern.flags : rule.pattern.flags + 'd');
    compiled.set(rule, pattern);
  }
  return pattern;
}

const QUOTES = ['"', "'", '`'];

const compiled = new WeakMap<SecretRule, RegExp>();

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based line containing `offset`, by binary search over the line starts. */
function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function lineText(text: string, starts: number[], line: number): string {
  return text.slice(starts[line] ?? 0, (starts[line + 1] ?? text.length + 1) - 1);
}
