import * as z from 'zod';
import { configSchema } from './schema/config-schema.js';
import { tidyJsonSchema } from './schema/internal/json-schema-edits.js';

/**
 * JSON Schema (draft 2020-12) of guardia.yaml as users write it, for editors
 * (`# yaml-language-server: $schema=./guardia.schema.json`). Generated from the same zod
 * schema that validates the file, so the two cannot drift apart.
 */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  const { $schema, ...rest } = tidyJsonSchema(generated) as Record<string, unknown>;
  return { $schema, title: 'guardia.yaml', ...rest };
}
