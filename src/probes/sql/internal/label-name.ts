/** Prometheus label names; `__` names are reserved for Prometheus itself. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Labels the runner sets on every series of a probe. */
export const RESERVED_LABELS = ['env', 'probe'] as const;

/** Why a column name cannot be a label name, or undefined when it can. */
export function labelNameProblem(name: string): string | undefined {
  if (!LABEL_NAME.test(name) || name.startsWith('__')) {
    return `column "${name}" is not a valid label name (letters, digits and "_", not starting with a digit or "__"); rename it with "as"`;
  }
  if ((RESERVED_LABELS as readonly string[]).includes(name)) return `column "${name}" cannot be a label: guardia sets "${name}" itself; rename it with "as"`;
  return undefined;
}
