import type * as z from 'zod';
import { alertingSchema, alertsSchema } from './alerts/alert-rule-schema.js';
import { channelsSchema } from './channel-schema.js';
import { defaultsSchema } from './defaults-schema.js';
import { environmentsSchema } from './environment-schema.js';
import { incidentsSchema } from './incident-schema.js';
import { nameField } from './internal/name-field.js';
import { routingFields } from './routing-schema.js';
import { strictObject } from './internal/strict-object.js';
import { serverSchema } from './server-schema.js';
import { storeSchema } from './store-schema.js';

/**
 * The schema of guardia.yaml: the single truth for validation and for the JSON Schema.
 * A new top-level section is one schema file plus one line here.
 */
export const configSchema = strictObject({
  project: nameField('a project name').describe('Project name: letters, digits, "_" and "-", starting with a letter or digit.'),
  store: storeSchema,
  server: serverSchema,
  defaults: defaultsSchema,
  environments: environmentsSchema,
  channels: channelsSchema,
  ...routingFields,
  alerts: alertsSchema.describe('Global alert rules by name (across environments); short forms name probes as `<environment>/<probe>`.'),
  alerting: alertingSchema,
  incidents: incidentsSchema,
}).describe('guardia configuration (guardia.yaml).');

/** guardia.yaml as validated, before defaults and cross-checks. */
export type ParsedConfig = z.output<typeof configSchema>;
