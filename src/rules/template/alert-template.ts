import type { Metric } from '../../promql/index.js';
import { goFloat, goMap, goString, type GoValue } from './internal/go-value.js';
import { BUILTIN_FUNCTIONS } from './internal/builtin-functions.js';
import { executeTemplate } from './internal/template-executor.js';
import type { TemplateFunction } from './internal/template-function.js';
import type { TemplateNode } from './internal/template-nodes.js';
import { PromqlParseError } from '../../errors.js';
import { parseTemplate } from './internal/template-parser.js';
import { prometheusFunctions } from './internal/prometheus-functions.js';

/** What an alert's labels and annotations are rendered from. */
export interface AlertTemplateData {
  /** The alert expression's sample labels, `__name__` included when the sample has one. */
  labels: Metric;
  externalLabels: Metric;
  externalUrl: string;
  value: number;
}

/** How to render beyond the data: what Prometheus's URL functions see. */
export interface ExpandOptions {
  /**
   * The URL behind the `externalURL` and `pathPrefix` functions. promtool leaves it unset
   * (so those functions fail there) while `$externalURL` still reads the test's value.
   */
  functionsUrl?: string;
}

// Prometheus prepends these so `$labels`, `$value`… exist in every alert template.
const DEFINITIONS = '{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}';
const FUNCTION_NAMES: ReadonlySet<string> = new Set([...BUILTIN_FUNCTIONS.keys(), ...prometheusFunctions(undefined).keys()]);

/**
 * One label or annotation template of an alerting rule, parsed once. `parse` refuses what
 * Prometheus refuses when loading rules; `expand` never throws: a failure renders as
 * `<error expanding template: …>`, as Prometheus writes it into the alert.
 */
export class AlertTemplate {
  private constructor(
    private readonly text: string,
    private readonly name: string,
    private readonly tree: readonly TemplateNode[],
  ) {}

  /**
   * Parses `text` for the alert `alertName`; throws `PromqlParseError` with Go's message
   * and the offset of the problem in `text`.
   */
  static parse(text: string, alertName: string): AlertTemplate {
    const name = `__alert_${alertName}`;
    const full = DEFINITIONS + text;
    try {
      return new AlertTemplate(full, name, parseTemplate(full, name, FUNCTION_NAMES));
    } catch (error) {
      if (!(error instanceof PromqlParseError)) throw error;
      throw new PromqlParseError(error.message, Math.max(0, (error.offset ?? DEFINITIONS.length) - DEFINITIONS.length));
    }
  }

  /** Renders the template for one alert. */
  expand(data: AlertTemplateData, options: ExpandOptions = {}): string {
    const functions = new Map<string, TemplateFunction>([...BUILTIN_FUNCTIONS, ...prometheusFunctions(options.functionsUrl)]);
    try {
      return executeTemplate(this.tree, { text: this.text, name: this.name, data: rootValue(data), functions });
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      return `<error expanding template: error executing template ${this.name}: ${error.message}>`;
    }
  }
}


function rootValue(data: AlertTemplateData): GoValue {
  return {
    type: 'struct',
    fields: new Map<string, GoValue>([
      ['Labels', goMap(data.labels)],
      ['ExternalLabels', goMap(data.externalLabels)],
      ['ExternalURL', goString(data.externalUrl)],
      ['Value', goFloat(data.value)],
    ]),
  };
}
