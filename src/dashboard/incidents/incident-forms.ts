/** Longest note (and resolve note) the dashboard takes. */
export const MAX_NOTE = 2000;
/** Longest assignee name. */
export const MAX_ASSIGNEE = 100;

/** One checked text field: the trimmed value, or what is wrong with it (shown with a 400). */
export type TextField = { ok: true; value: string } | { ok: false; message: string };

/** Reads a text field: trimmed, `required` refuses empty, longer than `max` is refused (never cut). */
export function textField(fields: Record<string, string>, name: string, label: string, options: { max: number; required: boolean }): TextField {
  const value = (fields[name] ?? '').trim();
  if (options.required && value === '') return { ok: false, message: `the ${label} is empty` };
  if (value.length > options.max) return { ok: false, message: `the ${label} is ${value.length} characters; keep it to ${options.max}` };
  return { ok: true, value };
}
