import { afterEach, describe, expect, it } from 'vitest';
import { createDashboard } from './create-dashboard.js';
import { dashboardFixture, probeView } from './overview/dashboard-test-kit.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function dashboard(options: { loopback: boolean; tokens: boolean }) {
  const fixture = await dashboardFixture([probeView('production', 'api', 'up')]);
  close = fixture.close;
  const services = { ...fixture.services, tokens: { anyExist: async () => options.tokens, verify: async () => undefined } };
  return createDashboard(services, { loopback: options.loopback });
}

describe('createDashboard', () => {
  it('serves pages behind the access check with secure headers, and assets to anyone', async () => {
    const open = await dashboard({ loopback: true, tokens: false });
    const page = await open.request('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('>api</a>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await open.request('/probes/production/api')).status).toBe(200);

    const closed = await dashboard({ loopback: false, tokens: true });
    // Off loopback, with tokens but no dashboard user yet, nobody gets in.
    expect((await closed.request('/probes/production/api')).status).toBe(401);
    expect((await closed.request('/live')).status).toBe(401);
    const asset = await closed.request('/assets/guardia.css');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
