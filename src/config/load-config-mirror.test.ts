import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';
import { problemsOf, removeTempDirs, writeConfig } from './internal/config-test-kit.js';

afterAll(removeTempDirs);

const config = (mirror: string, staging = '    database: postgres://127.0.0.1/app_staging\n') =>
  `project: demo
environments:
  production:
    database: postgres://127.0.0.1/app
  staging:
${staging}    mirror:
${mirror.replace(/^/gm, '      ')}
`;

describe('environments.*.mirror', () => {
  it('resolves rules with their schema, allowed columns, absolute seed files and the key', async () => {
    const { file, dir } = writeConfig(
      config(`from: production
mask:
  users.email: email
  users.phone: phone
  crm.people.full_name: name
  users.document: hash
  users.password_hash: { fixed: "x" }
  payments.card_token: null
  audit_log: truncate
  ops.events: truncate
allow: [products.name, shop.items.title]
seed: [seeds/staging-users.sql]
key: \${MIRROR_MASK_KEY:-}`),
    );
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'seeds', 'staging-users.sql'), 'select 1;');
    const mirror = (await loadConfig(file, { env: {}, displayPath: 'guardia.yaml' })).environments[1]?.mirror;
    expect(mirror).toEqual({
      from: 'production',
      rules: [
        { kind: 'column', schema: 'public', table: 'users', column: 'email', method: { kind: 'email' }, key: 'users.email' },
        { kind: 'column', schema: 'public', table: 'users', column: 'phone', method: { kind: 'phone' }, key: 'users.phone' },
        { kind: 'column', schema: 'crm', table: 'people', column: 'full_name', method: { kind: 'name' }, key: 'crm.people.full_name' },
        { kind: 'column', schema: 'public', table: 'users', column: 'document', method: { kind: 'hash' }, key: 'users.document' },
        { kind: 'column', schema: 'public', table: 'users', column: 'password_hash', method: { kind: 'fixed', value: 'x' }, key: 'users.password_hash' },
        { kind: 'column', schema: 'public', table: 'payments', column: 'card_token', method: { kind: 'null' }, key: 'payments.card_token' },
        { kind: 'truncate', schema: 'public', table: 'audit_log', key: 'audit_log' },
        { kind: 'truncate', schema: 'ops', table: 'events', key: 'ops.events' },
      ],
      allow: [{ schema: 'public', table: 'products', column: 'name' }, { schema: 'shop', table: 'items', column: 'title' }],
      seed: [join(dir, 'seeds', 'staging-users.sql')],
    });
    const keyed = await loadConfig(file, { env: { MIRROR_MASK_KEY: 's3cret' }, displayPath: 'guardia.yaml' });
    expect(keyed.environments[1]?.mirror?.key).toBe('s3cret');
  });

  it('names the expected methods for an unknown one, where it is written', async () => {
    const problems = (await problemsOf(config('mask:\n  users.email: scramble\n  users.phone: { fixed: [1] }'))).join('\n');
    expect(problems).toMatch(/guardia\.yaml:9:22 environments\.staging\.mirror\.mask\["users\.email"\]: expected email, name, phone, hash, null, truncate or \{fixed: …\}, got "scramble"/);
    expect(problems).toContain('expected a text, a number, true/false or null');
  });

  it('reports keys that do not fit their method', async () => {
    const problems = (await problemsOf(config('mask:\n  users: email\n  a.b.c: truncate'))).join('\n');
    expect(problems).toContain('expected a column like "users.column" or "public.users.column" (only truncate takes a table), got "users"');
    expect(problems).toContain('expected a table like "audit_log" or "public.audit_log" for truncate, got "a.b.c"');
    expect((await problemsOf(config('mask:\n  "users email": hash'))).join('\n')).toMatch(/mask\["users email"\]: expected "table.column", "schema.table.column", or a table \(for truncate\)/);
    expect((await problemsOf(config('allow: [products]'))).join('\n')).toContain('expected a column like "products.name"');
    expect((await problemsOf(config('mask:\n  users.email: email\n  public.users.email: hash'))).join('\n')).toContain('public.users.email has two rules');
  });

  it('refuses a mirror into production, a source that is unknown or itself, a missing seed file and a missing database', async () => {
    const production = (await problemsOf(`project: demo\nenvironments:\n  staging: {}\n  production:\n    database: postgres://h/app\n    mirror: { from: staging }\n`)).join('\n');
    expect(production).toMatch(/environments\.production\.mirror: environment production is of tier production and mirrors never write into production/);
    const tiered = (await problemsOf(`project: demo\nenvironments:\n  live2:\n    tier: production\n    database: postgres://h/app\n    mirror: {}\n`)).join('\n');
    expect(tiered).toContain('environment live2 is of tier production');
    expect((await problemsOf(config('from: qa'))).join('\n')).toMatch(/environments\.staging\.mirror\.from: no environment "qa"/);
    expect((await problemsOf(config('from: staging'))).join('\n')).toContain('an environment cannot be mirrored from itself');
    expect((await problemsOf(config('seed: [nope.sql]'))).join('\n')).toMatch(/environments\.staging\.mirror\.seed\[0\]: seed file .*nope\.sql does not exist/);
    expect((await problemsOf(config('from: production', '    url: https://s.example.com\n'))).join('\n')).toContain('a mirror needs a database: set environments.staging.database');
  });
});
