import * as z from 'zod';
import { GOT } from '../../../problems/path-problem.js';
import type { JsonPathCondition, JsonPathOp } from '../../../resolved-config.js';
import { booleanField } from '../../internal/boolean-field.js';
import { keyRule } from '../../internal/key-rule.js';
import { numberField } from '../../internal/number-field.js';
import { typeError } from '../../internal/parsed-text.js';
import { regexField } from '../../internal/regex-field.js';
import { strictObject } from '../../internal/strict-object.js';

const OPS: readonly JsonPathOp[] = ['equals', 'not_equals', 'lt', 'lte', 'gt', 'gte', 'matches', 'exists'];
const PATH = /^\$(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[\d+\]|\["[^"]*"\]|\['[^']*'\])*$/;
const PATH_EXPECTED = `expected a JSON path like "$.checks.database.status"${GOT}`;

const condition = strictObject({
  path: z.string({ error: typeError(PATH_EXPECTED) }).regex(PATH, { error: PATH_EXPECTED }).describe('Where the value is: `$.a.b[0].c`.'),
  equals: z.unknown().optional().describe('The value must equal this (any JSON value).'),
  not_equals: z.unknown().optional().describe('The value must not equal this.'),
  lt: numberField().optional().describe('The value must be a number below this.'),
  lte: numberField().optional().describe('The value must be a number at most this.'),
  gt: numberField().optional().describe('The value must be a number above this.'),
  gte: numberField().optional().describe('The value must be a number at least this.'),
  matches: regexField().optional().describe('The value, as text, must match this regular expression.'),
  exists: booleanField().optional().describe('true: the path must exist; false: it must not.'),
}).check(
  keyRule((_isSet, report, keys) => {
    const ops = OPS.filter((op) => keys.includes(op));
    if (ops.length === 0) report(`missing the condition: add one of ${OPS.join(', ')} besides "path"`);
    for (const extra of ops.slice(1)) report(`one condition per item: "${ops[0]}" and "${extra}" are both set; split them into two items`, [extra]);
  }),
);

/** `expect.json_path`: conditions on values inside a JSON body. */
export const jsonPathSchema = z
  .array(condition.transform(toCondition))
  .describe('Conditions on values in the JSON body: each item has `path` and exactly one of ' + OPS.join(', ') + '.');

function toCondition(item: Record<string, unknown> & { path: string }): JsonPathCondition {
  const op = OPS.find((key) => key in item) as JsonPathOp;
  return { path: item.path, op, value: item[op] };
}
