import { CheckFailedError } from '../../../errors.js';
import type { MetricFamily } from '../../probe.js';
import { METRIC_NAME, parseSampleLine, parseValue, type SampleLine } from './sample-line.js';

type FamilyType = MetricFamily['type'];

const TYPES = new Set<FamilyType>(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const META = /^#[ \t]+(HELP|TYPE)[ \t]+(\S+)(?:[ \t]+(.*))?$/;
const EXCERPT_CHARS = 80;

interface Family extends MetricFamily {
  /** TYPE or HELP was declared, so the second one is an error. */
  declared: { help: boolean; type: boolean };
}

/**
 * Parses the Prometheus text exposition format 0.0.4 into metric families, strictly:
 * HELP and TYPE at most once per family and TYPE before its samples, histogram samples
 * named `_bucket` (with `le`), `_sum` and `_count`, summary quantiles with `quantile`.
 * Samples without a TYPE are each an untyped family. Timestamps are read and checked
 * but not kept: guardia stores every sample at the time of the scrape. Any other line
 * fails the whole exposition with `CheckFailedError` naming the line.
 */
export function parseExposition(text: string): MetricFamily[] {
  const families = new Map<string, Family>();
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    try {
      if (line.startsWith('#')) readMeta(line, families);
      else addSample(parseSampleLine(line), families);
    } catch (error) {
      const excerpt = line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS - 1)}…` : line;
      throw new CheckFailedError(`line ${index + 1}: ${(error as Error).message}: ${excerpt}`);
    }
  });
  return [...families.values()].map(({ name, help, type, samples }) => ({ name, help, type, samples }));
}

function readMeta(line: string, families: Map<string, Family>): void {
  const match = META.exec(line);
  // Any other comment is just a comment.
  if (!match) return;
  const [, keyword, name = '', rest = ''] = match;
  if (METRIC_NAME.exec(name)?.[0] !== name) throw new Error(`invalid metric name "${name}" in ${keyword}`);
  const family = families.get(name) ?? newFamily(name, families);
  if (keyword === 'HELP') {
    if (family.declared.help) throw new Error(`second HELP for ${name}`);
    family.declared.help = true;
    family.help = unescapeHelp(rest);
    return;
  }
  const type = rest.trim() as FamilyType;
  if (!TYPES.has(type)) throw new Error(`unknown type "${rest.trim()}" for ${name}; expected counter, gauge, histogram, summary or untyped`);
  if (family.declared.type) throw new Error(`second TYPE for ${name}`);
  if (family.samples.length > 0) throw new Error(`TYPE for ${name} comes after its samples`);
  family.declared.type = true;
  family.type = type;
}

function addSample(sample: SampleLine, families: Map<string, Family>): void {
  const family = familyOf(sample.name, families);
  if (family.type === 'histogram') {
    if (sample.name === family.name) throw new Error(`histogram ${family.name} has samples named ${family.name}_bucket, _sum or _count`);
    if (sample.name.endsWith('_bucket')) checkNumericLabel(sample, 'le');
  }
  if (family.type === 'summary' && sample.name === family.name) checkNumericLabel(sample, 'quantile');
  family.samples.push({ name: sample.name, labels: sample.labels, value: sample.value });
}

/** The family a sample belongs to: its own name, or a histogram/summary whose suffixed sample it is. */
function familyOf(name: string, families: Map<string, Family>): Family {
  const own = families.get(name);
  if (own) return own;
  const suffix = /_(bucket|sum|count)$/.exec(name)?.[1];
  if (suffix !== undefined) {
    const base = families.get(name.slice(0, -suffix.length - 1));
    if (base?.type === 'histogram' || (base?.type === 'summary' && suffix !== 'bucket')) return base;
  }
  return newFamily(name, families);
}

function newFamily(name: string, families: Map<string, Family>): Family {
  const family: Family = { name, help: '', type: 'untyped', samples: [], declared: { help: false, type: false } };
  families.set(name, family);
  return family;
}

function checkNumericLabel(sample: SampleLine, label: string): void {
  const value = sample.labels[label];
  if (value === undefined) throw new Error(`${sample.name} needs a "${label}" label`);
  try {
    parseValue(value);
  } catch {
    throw new Error(`expected a number as "${label}", got "${value}"`);
  }
}

/** HELP text escapes only `\\` and `\n`; any other backslash stays as written. */
function unescapeHelp(text: string): string {
  return text.replace(/\\(\\|n)/g, (_, char: string) => (char === 'n' ? '\n' : '\\'));
}
