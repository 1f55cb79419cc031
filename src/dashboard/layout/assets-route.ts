import { Hono } from 'hono';
import { loadAssetFiles, type AssetFile } from './asset-files.js';

// Asset URLs do not change within a release, and a new release restarts the process.
const CACHE = 'public, max-age=31536000, immutable';

/** `GET /assets/<name>`: the dashboard's scripts and stylesheets, with long cache headers. */
export function assetsRoute(files: readonly AssetFile[] = loadAssetFiles()): Hono {
  const byName = new Map(files.map((f) => [f.name, f]));
  const app = new Hono();
  app.get('/assets/:name', (c) => {
    const file = byName.get(c.req.param('name'));
    if (!file) return c.text('not found', 404);
    return c.body(new Uint8Array(file.body), 200, { 'content-type': file.contentType, 'cache-control': CACHE });
  });
  return app;
}
