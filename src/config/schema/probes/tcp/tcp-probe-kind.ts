import * as z from 'zod';
import { GOT } from '../../../problems/path-problem.js';
import { parseHostPort } from '../../../values/host-port-parser.js';
import { numberField } from '../../internal/number-field.js';
import { parsedText } from '../../internal/parsed-text.js';
import { strictObject } from '../../internal/strict-object.js';
import { byType, switchUnion } from '../../internal/switch-union.js';
import { defineProbeKind } from '../probe-kind.js';

const EXPECTED = 'HOST:PORT like "db.internal:5432"';

const tcpSchema = switchUnion(
  [
    parsedText((text) => parseHostPort(text, 'db.internal:5432'), EXPECTED),
    strictObject({
      host: z.string().min(1).describe('Host name or IP address.'),
      port: numberField({ min: 1, max: 65_535, integer: true }).describe('TCP port, 1-65535.'),
    }),
  ],
  byType({ string: 0, object: 1 }, `expected ${EXPECTED} or a mapping with "host" and "port"${GOT}`),
).describe('Open a TCP connection: `HOST:PORT` (`db.internal:5432`, `[::1]:5432`) or { host, port }.');

/** `tcp:` probes: a TCP connection can be opened. */
export const tcpProbeKind = defineProbeKind({
  key: 'tcp',
  shape: { tcp: tcpSchema },
  resolve(input) {
    return { kind: 'tcp', tcp: { host: input.tcp.host, port: input.tcp.port } };
  },
});
