type Json = unknown;

/** Text that is a template for the editor: a `${VAR}` reference passes wherever text is checked. */
export const TEMPLATE_PATTERN = '\\$\\{';

const isObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isEmptySpelling(value: Json): boolean {
  return isObject(value) && (value.type === 'null' || value.const === '');
}

/**
 * Tidies the generated JSON Schema for editors: an optional setting accepts `null` and
 * `""` as "not set" (see `optional()`), which editors need not suggest, so
 * `anyOf: [null, "", X]` becomes `X`. Returns a new tree.
 */
export function tidyJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(tidyJsonSchema);
  if (!isObject(node)) return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) out[key] = tidyJsonSchema(value);
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 3 && isEmptySpelling(anyOf[0]) && isEmptySpelling(anyOf[1]) && isObject(anyOf[2])) {
    const { anyOf: _dropped, ...own } = out;
    return { ...anyOf[2], ...own };
  }
  return out;
}
