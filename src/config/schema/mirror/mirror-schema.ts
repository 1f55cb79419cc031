import * as z from 'zod';
import type { MaskMethod } from '../../../mirror/mask-rule.js';
import { GOT } from '../../problems/path-problem.js';
import { nameField } from '../internal/name-field.js';
import { optional } from '../internal/optional-field.js';
import { containerError, typeError } from '../internal/parsed-text.js';
import { strictObject } from '../internal/strict-object.js';
import { byType, switchUnion } from '../internal/switch-union.js';

/** One SQL name as written in a key (unquoted identifiers only). */
const IDENT = '[A-Za-z_][A-Za-z0-9_$]*';
/** `table`, `table.column` or `schema.table.column`: which form a method needs is checked when resolving. */
const MASK_KEY = new RegExp(`^${IDENT}(\\.${IDENT}){0,2}$`);
const COLUMN_KEY = new RegExp(`^${IDENT}(\\.${IDENT}){1,2}$`);

const METHOD_EXPECTED = `expected email, name, phone, hash, null, truncate or {fixed: …}${GOT}`;

/** A resolved-to-be method: the kinds of `MaskMethod`, plus `truncate` for a whole table. */
export type MaskMethodInput = MaskMethod | { kind: 'truncate' };

const namedMethod = z
  .enum(['email', 'name', 'phone', 'hash', 'null', 'truncate'], { error: METHOD_EXPECTED })
  .transform((kind) => ({ kind }) as MaskMethodInput);

const fixedMethod = strictObject({
  fixed: switchUnion(
    [z.string(), z.number(), z.boolean(), z.null()],
    byType({ string: 0, number: 1, boolean: 2, null: 3 }, `expected a text, a number, true/false or null${GOT}`),
  ).describe('The value every row gets.'),
}).transform(({ fixed }): MaskMethodInput => ({ kind: 'fixed', value: fixed }));

const methodSchema = switchUnion(
  [z.null().transform((): MaskMethodInput => ({ kind: 'null' })), namedMethod, fixedMethod],
  byType({ null: 0, string: 1, object: 2 }, METHOD_EXPECTED),
);

const maskKey = z
  .string()
  .regex(MASK_KEY, { error: `expected "table.column", "schema.table.column", or a table (for truncate)${GOT}` });
const columnKey = z
  .string({ error: typeError(`expected a column like "products.name" or "public.products.name"${GOT}`) })
  .regex(COLUMN_KEY, { error: `expected a column like "products.name" or "public.products.name"${GOT}` });

/** `mirror:` of a non-production environment: a masked copy of another environment's newest verified backup. */
export const mirrorSchema = optional(
  strictObject({
    from: optional(nameField('an environment name')).describe(
      'The environment mirrored from; when set, `guardia mirror` refuses any other source.',
    ),
    mask: optional(
      z.record(maskKey, methodSchema, { error: containerError(`expected a mapping of "table.column" to a masking method${GOT}`) }),
    ).describe(
      'Masking rules: `table.column` (or `schema.table.column`) to email, name, phone, hash, null or `{fixed: value}`; a table to `truncate`. Deterministic for one key, so joins stay consistent.',
    ),
    allow: optional(z.array(columnKey, { error: containerError(`expected a list of columns like "products.name"${GOT}`) })).describe(
      'Columns that look personal but are kept on purpose (`table.column` or `schema.table.column`).',
    ),
    seed: optional(z.array(z.string({ error: typeError(`expected a file path${GOT}`) }), { error: containerError(`expected a list of SQL files${GOT}`) })).describe(
      'SQL files (relative to this file) run in order after masking, each in one transaction.',
    ),
    key: optional(z.string({ error: typeError(`expected a text${GOT}`) })).describe(
      'Masking key, usually `${MIRROR_MASK_KEY:-}`. Empty: one is generated once and kept in the store, so repeated mirrors give the same fake values.',
    ),
  }).describe('Staging mirror: restore the newest verified backup of `from`, mask personal data, load seed files. Never on a production environment.'),
);

export type MirrorInput = NonNullable<z.output<typeof mirrorSchema>>;
