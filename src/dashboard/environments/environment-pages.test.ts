import { Hono } from 'hono';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedactor, loadConfig } from '../../config/index.js';

import type { HttpServices } from '../../http/http-deps.js';
import { tempDir, writeConfig } from '../../../test/support/temp-dir.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { environmentPages } from './environment-pages.js';
import { databaseAddress, summarizeEnvironments } from './environment-settings.js';


const RECIPIENT = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
const YAML = `project: demo
environments:
  production:
    url: https://deploy:hunter2@app.example.com/
    database: postgres://app:\${DB_PASSWORD}@db.internal:5433/shop
    probes:
      api: { http: /healthz }
      home: { http: / }
    alerts:
      ApiDown: { down: api, severity: critical }
    backups:
      schedule: "0 2 * * *"
      to: [file:./backups, "s3://acme/prod"]
      encrypt_to: ${RECIPIENT}
      objectives: { rpo: 24h, rto: 4h }
  staging:
    probes: {}
`;

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function fixture() {
  const dir = tempDir();
  dirs.push(dir);
  const config = await loadConfig(writeConfig(dir, YAML), { env: { DB_PASSWORD: 's3cr3t-pw' } });
  const settings = summarizeEnvironments(config, createRedactor(config.secrets));
  const services = {
    status: { environments: async () => config.environments.map((e) => ({ name: e.name, status: 'up', probes: e.probes, counts: {} })) },
    alerts: { list: async () => [{ env: 'production', state: 'firing' }] },
    environmentSettings: () => settings,
  } as unknown as HttpServices;
  const app = new Hono<DashboardEnv>();
  app.use(async (c, next) => {
    c.set('caller', { name: 'alice', role: 'viewer', via: 'session' });
    c.set('csrfToken', 'token');
    await next();
  });
  app.route('/', environmentPages(services));
  return { app, settings };
}

describe('environments page', () => {
  it('shows each environment with url, database address, probes, alerts and backup settings', async () => {
    const { app, settings } = await fixture();
    expect(settings[0]).toEqual({
      name: 'production',
      url: 'https://app.example.com/',
      database: 'db.internal:5433/shop',
      probes: 2,
      alerts: ['ApiDown', ...settings[0]!.alerts.slice(1)],
      backups: { schedule: '0 2 * * *', repositories: ['file:./backups', 's3://acme/prod'], encrypted: true, databases: ['shop'], rpoMs: 86_400_000, rtoMs: 14_400_000 },
    });
    const html = await (await app.request('/environments')).text();
    expect(html).toContain('<code>db.internal:5433/shop</code>');
    expect(html).toContain('encryption: yes');
    expect(html).toContain('(1 firing)');
    expect(html).toMatch(/staging[\s\S]*not configured/);
  });

  it('never shows passwords, users or secrets', async () => {
    const html = await (await (await fixture()).app.request('/environments')).text();
    for (const secret of ['hunter2', 's3cr3t-pw', 'deploy:', 'app:', RECIPIENT]) expect(html).not.toContain(secret);
  });

  it('reads the address of keyword connection strings too', () => {
    expect(databaseAddress("host=db port=5432 dbname=app user=u password='p w'")).toBe('db:5432/app');
    expect(databaseAddress('postgresql:///app?host=/run/postgresql')).toBe('localhost/app');
  });
});
