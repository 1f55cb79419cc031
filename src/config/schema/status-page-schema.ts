import * as z from 'zod';
import { GOT } from '../problems/path-problem.js';
import { booleanField } from './internal/boolean-field.js';
import { nameField } from './internal/name-field.js';
import { optional } from './internal/optional-field.js';
import { containerError, typeError } from './internal/parsed-text.js';
import { strictObject } from './internal/strict-object.js';

const text = (expected: string, max: number) =>
  z.string({ error: typeError(`expected ${expected}${GOT}`) }).max(max, { error: `expected ${expected} of at most ${max} characters` });

const componentSchema = strictObject({
  probe: nameField('a probe name').describe('A probe of this environment whose state and uptime the component shows.'),
  name: text('a public component name', 80).min(1, { error: 'expected a public component name' }).describe('The name the public sees, e.g. `API`.'),
}).describe('One component of the status page: a probe under a public name.');

/** `status_page:` of an environment — the opt-in public status page at `/status/<env>`. */
export const statusPageSchema = optional(
  strictObject({
    title: optional(text('a title', 120)).describe('Page title. Default: "<project> — <environment>".'),
    description: optional(text('a description', 2000)).describe('Text shown under the title.'),
    components: z
      .array(componentSchema, { error: containerError(`expected a list of components like [{ probe: api, name: "API" }]${GOT}`) })
      .min(1, { error: 'expected at least one component' })
      .describe('The probes shown, in order, under their public names. Nothing else of the probe (target, reasons) is shown.'),
    incidents: optional(booleanField()).describe('Show open incidents affecting the components, with their public updates. Default: true.'),
  }),
).describe('A public status page at /status/<environment> and /status/<environment>.json: no login, nothing internal.');

/** `status_page:` as validated. */
export type StatusPageInput = NonNullable<z.output<typeof statusPageSchema>>;
