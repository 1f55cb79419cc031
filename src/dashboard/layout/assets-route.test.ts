import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadAssetFiles } from './asset-files.js';
import { assetsRoute } from './assets-route.js';

describe('dashboard assets', () => {
  const app = assetsRoute();

  it('serves scripts and styles with their content types and long cache headers', async () => {
    for (const [name, type] of [['htmx.min.js', 'text/javascript'], ['htmx-ext-sse.js', 'text/javascript'], ['uPlot.iife.min.js', 'text/javascript'], ['guardia.js', 'text/javascript'], ['guardia.css', 'text/css'], ['uPlot.min.css', 'text/css']] as const) {
      const res = await app.request(`/assets/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
      expect(res.headers.get('cache-control')).toContain('max-age=31536000');
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    expect((await app.request('/assets/../../package.json')).status).toBe(404);
    expect((await app.request('/assets/nope.js')).status).toBe(404);
  });

  it('keeps all JavaScript under 100 KB gzipped', () => {
    const js = loadAssetFiles().filter((f) => f.contentType.startsWith('text/javascript'));
    const gzipped = js.reduce((sum, f) => sum + gzipSync(f.body, { level: 9 }).length, 0);
    expect(js).toHaveLength(4);
    expect(gzipped).toBeLessThan(100 * 1024);
  });

  it('styles for dark mode and visible focus', async () => {
    const css = await (await app.request('/assets/guardia.css')).text();
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toContain(':focus-visible');
  });
});
