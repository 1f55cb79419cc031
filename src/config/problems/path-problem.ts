/** A path into the config: keys and list indexes, e.g. `['environments', 'production', 'probes', 'api']`. */
export type ConfigPath = readonly (string | number)[];

/**
 * A problem found before positions are known. `message` may contain `VALUE`, which is
 * replaced by how the value is written in the file (the `${VAR}` template, never its
 * resolved value), so no secret reaches a message.
 */
export interface PathProblem {
  path: ConfigPath;
  message: string;
  /** Point at the key rather than the value (unknown keys, bad names). */
  at?: 'key' | 'value';
  /** Where in the value's text the problem is (a PromQL or template error), counted in characters. */
  offset?: number;
}

/** Stands for the offending value as written in the file. */
export const VALUE = '\u0001value\u0001';

/** `, got "10"`: the usual end of an `expected …` message. */
export const GOT = `, got ${VALUE}`;

/** Collects problems; cross-checks report into one of these. */
export interface ProblemSink {
  add(path: ConfigPath, message: string, at?: 'key' | 'value', offset?: number): void;
}

/** A `ProblemSink` that keeps problems in a list. */
export function problemList(): ProblemSink & { problems: PathProblem[] } {
  const problems: PathProblem[] = [];
  return {
    problems,
    add(path, message, at, offset) {
      problems.push({ path, message, ...(at ? { at } : {}), ...(offset !== undefined ? { offset } : {}) });
    },
  };
}
