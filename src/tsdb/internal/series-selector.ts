import { InvalidRequestError } from '../../errors.js';
import { compileRe2, Re2SyntaxError } from '../../gocompat/index.js';
import type { Labels, LabelMatcher } from '../tsdb.js';

type Test = (value: string) => boolean;

interface CompiledMatcher {
  name: string;
  test: Test;
}

const regexCache = new Map<string, RegExp>();
const REGEX_CACHE_LIMIT = 1000;

/**
 * Label matchers compiled once per query, with Prometheus 2.x semantics: a missing label
 * compares as "", `__name__` is the metric name, regexes are anchored and `.` does not
 * match a newline (Prometheus 3 changed that; guardia follows the 2.x line it is tested against).
 */
export class SeriesSelector {
  /** Set when a matcher pins the metric name, so the index can look up by name. */
  readonly name: string | undefined;
  private readonly compiled: CompiledMatcher[];

  constructor(matchers: readonly LabelMatcher[]) {
    this.compiled = matchers.map((m) => ({ name: m.name, test: compileTest(m) }));
    this.name = matchers.find((m) => m.name === '__name__' && m.op === '=')?.value;
  }

  matches(name: string, labels: Labels): boolean {
    for (const m of this.compiled) {
      const value = m.name === '__name__' ? name : (labels[m.name] ?? '');
      if (!m.test(value)) return false;
    }
    return true;
  }
}

function compileTest(m: LabelMatcher): Test {
  switch (m.op) {
    case '=':
      return (v) => v === m.value;
    case '!=':
      return (v) => v !== m.value;
    case '=~': {
      const re = anchored(m.value);
      return (v) => re.test(v);
    }
    case '!~': {
      const re = anchored(m.value);
      return (v) => !re.test(v);
    }
    default:
      throw new InvalidRequestError(`unknown matcher operator ${JSON.stringify(m.op)} on label ${m.name}`);
  }
}

/** Anchored RE2 (`^(?:…)$`, as Prometheus 2.x), translated to a JS RegExp once per pattern. */
function anchored(source: string): RegExp {
  let re = regexCache.get(source);
  if (re) return re;
  try {
    re = compileRe2(source, { anchored: true }).regex;
  } catch (error) {
    const reason = error instanceof Re2SyntaxError ? `: ${error.message}` : '';
    throw new InvalidRequestError(`invalid regular expression ${JSON.stringify(source)}${reason}`, { cause: error });
  }
  if (regexCache.size >= REGEX_CACHE_LIMIT) regexCache.clear();
  regexCache.set(source, re);
  return re;
}
