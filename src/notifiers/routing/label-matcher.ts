import { InvalidRequestError } from '../../errors.js';

/** An Alertmanager-style matcher on one label: `env=production`, `alertname=~High.*`, `severity!=low`. */
export interface LabelMatcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

const MATCHER = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/;

/** Parses `name=value`, `name!=value`, `name=~regex` or `name!~regex` (value optionally quoted). */
export function parseMatcher(text: string): LabelMatcher {
  const found = MATCHER.exec(text);
  if (!found) throw new InvalidRequestError(`bad matcher "${text}": expected name=value, name!=value, name=~regex or name!~regex`);
  const [, name, op, raw] = found as unknown as [string, string, LabelMatcher['op'], string];
  const value = /^".*"$/.test(raw) ? raw.slice(1, -1) : raw;
  if (op === '=~' || op === '!~') {
    try {
      new RegExp(value);
    } catch {
      throw new InvalidRequestError(`bad matcher "${text}": the regex does not compile`);
    }
  }
  return { name, op, value };
}

/** Whether one matcher holds for a label set (a missing label is the empty string, as in Prometheus). */
export function matcherHolds(matcher: LabelMatcher, labels: Readonly<Record<string, string>>): boolean {
  const value = labels[matcher.name] ?? '';
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return new RegExp(`^(?:${matcher.value})$`).test(value);
    case '!~':
      return !new RegExp(`^(?:${matcher.value})$`).test(value);
  }
}

/** Whether every matcher holds. */
export function allHold(matchers: readonly LabelMatcher[], labels: Readonly<Record<string, string>>): boolean {
  return matchers.every((m) => matcherHolds(m, labels));
}

/** `env="production", alertname=~"High.*"`: how matchers are shown. */
export function formatMatchers(matchers: readonly LabelMatcher[]): string {
  return matchers.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(', ');
}
