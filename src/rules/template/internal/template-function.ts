import type { GoValue } from './go-value.js';

/** The Go type a parameter accepts; `any` is `interface{}` (every function here takes one of these two). */
export type ParamType = 'any' | 'string';

/**
 * One function callable from a template. Arguments arrive checked against `params`
 * (and `variadic` for the rest); throwing an `Error` becomes Go's
 * `error calling NAME: MESSAGE`.
 */
export interface TemplateFunction {
  params: readonly ParamType[];
  variadic?: ParamType;
  call(args: readonly GoValue[]): GoValue;
}

/** A function Prometheus defines that guardia does not run; parsing accepts it, running it fails. */
export function unsupportedFunction(name: string, why: string): TemplateFunction {
  return {
    params: [],
    variadic: 'any',
    call: () => {
      throw new Error(`guardia does not support ${name} in templates (${why})`);
    },
  };
}
