import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { systemClock } from '../../src/clock/index.js';
import { loadConfig } from '../../src/config/index.js';
import { openGuardia, runDaemon, type Guardia } from '../../src/engine/index.js';
import { createLogger } from '../../src/logging/index.js';
import { storePathInDataDir } from '../../src/store/index.js';
import { startTarget, type HttpTarget } from '../support/http-target.js';
import { PgCluster } from '../support/pg-cluster.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';
import { PAGE_PROBLEMS } from './page-checks.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const PASSWORD = 'a long enough password';

let cluster: PgCluster;
let target: HttpTarget;
let healthy = true;
let guardia: Guardia;
let browser: Browser;
let base: string;
const stop = new AbortController();
let daemon: Promise<void> | undefined;
let dir: string | undefined;

/** `guardia …` in-process against the test's config and data dir, with `stdin` as standard input. */
async function guardiaCli(dir: string, argv: string[], stdin?: string) {
  let output = '';
  const code = await runCli([...argv, '-c', join(dir, 'guardia.yaml'), '--data-dir', join(dir, 'data')], {
    stdout: (t) => (output += t),
    stderr: (t) => (output += t),
    env: {},
    cwd: dir,
    ...(stdin === undefined ? {} : { readStdin: async () => stdin }),
  });
  expect(code, output).toBe(0);
  return output;
}

beforeAll(async () => {
  // Fail, never skip: the CI script installs Debian's chromium (`apt-get install -y chromium`).
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with apt-get install -y chromium`);
  mkdirSync(ARTIFACTS, { recursive: true });
  cluster = await PgCluster.create();
  await cluster.query('create database shop');
  await cluster.query('create table orders (id int primary key, total numeric); insert into orders select i, i * 1.5 from generate_series(1, 50) i', 'shop');
  target = await startTarget((_req, res) => {
    res.statusCode = healthy ? 200 : 500;
    res.end();
  });
  dir = tempDir();
  writeConfig(
    dir,
    `project: e2e
environments:
  production:
    database: ${cluster.url('shop')}
    probes:
      api: { http: "${target.url}/healthz", every: 1s, timeout: 1s, jitter: 0s }
    alerts:
      ApiDown: { down: api, severity: critical, annotations: { summary: '{{ $labels.probe }} is down' } }
    backups:
      to: file:backups
      objectives: { rpo: 1h, rto: 10m }
incidents:
  open_on: [critical]
`,
  );
  await guardiaCli(dir, ['backup', 'run', 'production']);
  await guardiaCli(dir, ['user', 'add', 'alice', '--role', 'operator', '--password-stdin'], `${PASSWORD}\n`);
  const config = await loadConfig(join(dir, 'guardia.yaml'), { env: {} });
  guardia = await openGuardia({ config, storePath: storePathInDataDir(join(dir, 'data')), clock: systemClock });
  base = await new Promise<string>((resolve) => {
    daemon = runDaemon(guardia, { listen: { host: '127.0.0.1', port: 0 }, signal: stop.signal, log: createLogger({ write: () => {}, redact: (t) => t }), onListening: resolve });
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  stop.abort();
  await daemon;
  await target?.close();
  await cluster?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

async function logIn(page: Page, path: string) {
  await page.goto(`${base}${path}`);
  await page.fill('#login-name', 'alice');
  await page.fill('#login-password', PASSWORD);
  await Promise.all([page.waitForURL(`${base}${path}`), page.click('form[action^="/login"] button[type="submit"]')]);
}

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

describe('the dashboard in a browser', () => {
  it('logs in, shows an outage live, silences its alert, acknowledges the incident and opens a backup', async () => {
    const page = await browser.newPage();
    await logIn(page, '/alerts');
    await page.waitForSelector('#firing-title');
    expect(await page.locator('#firing li[data-rule="ApiDown"]').count()).toBe(0);
    await shot(page, '1-logged-in');

    // The page is not reloaded: the alert arrives over /live.
    healthy = false;
    const alert = page.locator('#firing li[data-rule="ApiDown"]');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('api is down');
    await shot(page, '2-alert-live');

    await alert.locator('summary').click();
    await alert.locator('textarea[name="comment"]').fill('looking into it');
    await alert.locator('select[name="duration"]').selectOption('15m');
    await Promise.all([page.waitForURL(/\/alerts\?notice=/), alert.locator('button[type="submit"]').click()]);
    await page.waitForSelector('#silenced li[data-rule="ApiDown"]');
    await page.waitForSelector('#silences td:has-text("looking into it")');
    await shot(page, '3-silenced');

    // Through the real access middleware: a forged CSRF token is refused and changes nothing.
    const forged = await page.request.post(`${base}/alerts/silences`, { form: { _csrf: 'forged', matchers: 'env="production"', duration: '1h', comment: 'forged' }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect(await guardia.services.silences.list({ all: true })).toHaveLength(1);

    // The incident opens beside the alert (open_on: critical); the list page is not live, so wait for it first.
    await expect.poll(async () => (await guardia.services.incidents.list()).length, { timeout: 10_000 }).toBe(1);
    await page.goto(`${base}/incidents`);
    await page.click('tr[data-incident] a');
    await page.waitForSelector('#incident-status:has-text("open")');
    await Promise.all([page.waitForURL(/notice=acknowledged/), page.click('form[action$="/ack"] button')]);
    await page.waitForSelector('#incident-status:has-text("acknowledged")');
    expect(await page.textContent('#timeline')).toContain('acknowledged by alice');
    await shot(page, '4-acknowledged');

    await page.goto(`${base}/backups`);
    await page.click('tr[data-backup] a');
    const command = await page.inputValue('#restore-command');
    expect(command).toMatch(/^guardia backup restore production --id \S+ --to DATABASE_URL$/);
    expect(await page.textContent('main')).toContain('public.orders');
    await shot(page, '5-backup');
  }, 60_000);

  it('is accessible and fits a phone in light and dark, every page', async () => {
    const incident = (await guardia.services.incidents.list())[0];
    const backup = (await guardia.services.backups?.service.list('production'))?.[0];
    const pages = ['/', '/alerts', '/incidents', `/incidents/${incident?.id ?? ''}`, '/backups', `/backups/production/${backup?.id ?? ''}`, '/environments', '/probes/production/api', '/incidents/no-such-incident', '/probes/production/no-such-probe', '/backups/production/no-such-backup', '/no/such/page'];
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport, colorScheme });
        const page = await context.newPage();
        await page.goto(`${base}/login`);
        expect(await page.evaluate(PAGE_PROBLEMS), `/login at ${size} in ${colorScheme}`).toEqual([]);
        await logIn(page, '/');
        for (const path of pages) {
          const response = await page.goto(`${base}${path}`);
          expect(response?.status(), path).toBe(path.includes('no-such') || path.startsWith('/no/') ? 404 : 200);
          expect(await page.evaluate(PAGE_PROBLEMS), `${path} at ${size} in ${colorScheme}`).toEqual([]);
        }
        for (const [name, path] of [['overview', '/'], ['alerts', '/alerts']] as const) {
          await page.goto(`${base}${path}`);
          await shot(page, `6-${name}-${size}-${colorScheme}`);
        }
        await context.close();
      }
    }
  }, 60_000);
});
