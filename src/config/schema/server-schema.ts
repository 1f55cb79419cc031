import { parseHostPort } from '../values/host-port-parser.js';
import { optional } from './internal/optional-field.js';
import { parsedText } from './internal/parsed-text.js';
import { strictObject } from './internal/strict-object.js';

/** `server:` — the HTTP listener for the dashboard, API and /metrics. */
export const serverSchema = optional(
  strictObject({
    listen: optional(parsedText((text) => parseHostPort(text), 'HOST:PORT like "127.0.0.1:4680"')).describe(
      'Address to listen on, `HOST:PORT`: `127.0.0.1:4680`, `[::1]:4680`, `localhost:4680`. Port 1-65535. Overridden by --listen and GUARDIA_LISTEN.',
    ),
  }),
).describe('HTTP server settings.');
