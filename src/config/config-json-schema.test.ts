import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from './config-json-schema.js';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; anyOf?: Schema[]; additionalProperties?: Schema | boolean };

describe('configJsonSchema', () => {
  const schema = configJsonSchema() as Schema;

  it('is a draft 2020-12 object schema of the top-level settings', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties ?? {})).toEqual(['project', 'store', 'server', 'defaults', 'environments', 'channels', 'notify', 'routes', 'inhibit', 'maintenance', 'alerts', 'alerting', 'incidents']);
    expect(schema.required).toEqual(['project', 'environments']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('describes the environments and their probes', () => {
    const environments = schema.properties?.environments as Schema;
    expect(environments.type).toBe('object');
    expect(environments.description).toMatch(/Environments by name/);
    const environment = environments.additionalProperties as Schema;
    expect(Object.keys(environment.properties ?? {})).toEqual(['tier', 'url', 'database', 'redis', 'probes', 'alerts', 'backups', 'release', 'migrations', 'mirror', 'status_page']);
    const probe = (environment.properties?.probes as Schema).additionalProperties as Schema;
    const kinds = (probe.anyOf ?? []).map((option) => (option.required as string[] | undefined)?.[0]);
    expect(kinds).toEqual(['http', 'tcp', 'postgres', 'sql', 'redis', 'scrape', 'heartbeat', 'host']);
  });

  it('documents keys and keeps optional settings free of empty spellings', () => {
    const every = (schema.properties?.defaults as Schema).properties?.every as Schema;
    expect(every).toMatchObject({ type: 'string', description: expect.stringContaining('How often the probe runs') });
    expect(JSON.stringify(schema)).not.toContain('"const":""');
  });

  it('lets a ${VAR} template pass where a number is expected', () => {
    const retries = (schema.properties?.defaults as Schema).properties?.retries as Schema;
    const text = retries.anyOf?.find((option) => option.type === 'string');
    expect(new RegExp(String(text?.pattern)).test('${RETRIES}')).toBe(true);
    expect(retries.anyOf?.find((option) => option.type === 'integer')).toMatchObject({ minimum: 0, maximum: 10 });
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

describe('configJsonSchema validates sample configs', async () => {
  const { parse } = await import('yaml');
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(configJsonSchema());

  it('accepts a full config written with ${VAR} templates', () => {
    const config = parse(`project: demo
store: sqlite:.guardia/guardia.db
server: { listen: "127.0.0.1:4680" }
defaults: { every: 30s, retries: "\${RETRIES}" }
environments:
  production:
    url: https://api.example.com
    database: \${DATABASE_URL}
    probes:
      api: { http: /health, every: 10s, expect: { status: [200, "3xx"], json_path: [{ path: $.a, lt: 5 }] } }
      db: { tcp: { host: db, port: "\${PG_PORT}" } }
      job: { heartbeat: { cron: "0 2 * * *", timezone: Europe/Madrid, token: "\${TOKEN}" } }
`);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects unknown keys, a probe without a kind and a bad duration', () => {
    const config = parse(`project: demo
environments:
  production:
    probes:
      api: { every: 10s }
      db: { tcp: "db:5432", every: 10 }
    colour: blue
`);
    expect(validate(config)).toBe(false);
    expect(validate.errors?.length).toBeGreaterThan(0);
  });
});
