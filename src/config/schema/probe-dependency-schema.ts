import * as z from 'zod';
import { GOT } from '../problems/path-problem.js';
import { optional } from './internal/optional-field.js';
import { containerError, typeError } from './internal/parsed-text.js';

const PROBE_REF = 'a probe name like "database" (or "production/database" in another environment)';
const probeRef = z
  .string({ error: typeError(`expected ${PROBE_REF}${GOT}`) })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9_-]*)?$/, { error: `expected ${PROBE_REF}${GOT}` });

/** Probe settings that relate one probe to others (not scheduling, so not in `defaults:`). */
export const probeDependencyShape = {
  depends_on: optional(z.array(probeRef, { error: containerError(`expected a list of probe names like [database]${GOT}`) })).describe(
    'Probes this one needs (same environment, or `env/probe`). While one of them is down, alerts about this probe are not notified; resolves of what was notified still are.',
  ),
};
