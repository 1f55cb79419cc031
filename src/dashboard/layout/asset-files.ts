import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One file the dashboard serves under /assets. */
export interface AssetFile {
  name: string;
  contentType: string;
  body: Buffer;
}

const require = createRequire(import.meta.url);

// Vendored: shipped in guardia's node_modules, served by guardia, never from a CDN.
const VENDORED: readonly { name: string; module: string; contentType: string }[] = [
  { name: 'htmx.min.js', module: 'htmx.org/dist/htmx.min.js', contentType: 'text/javascript; charset=utf-8' },
  { name: 'htmx-ext-sse.js', module: 'htmx-ext-sse/dist/sse.min.js', contentType: 'text/javascript; charset=utf-8' },
  { name: 'uPlot.iife.min.js', module: 'uplot/dist/uPlot.iife.min.js', contentType: 'text/javascript; charset=utf-8' },
  { name: 'uPlot.min.css', module: 'uplot/dist/uPlot.min.css', contentType: 'text/css; charset=utf-8' },
];

const OWN: readonly { name: string; contentType: string }[] = [
  { name: 'guardia.css', contentType: 'text/css; charset=utf-8' },
  { name: 'guardia.js', contentType: 'text/javascript; charset=utf-8' },
];

/**
 * Every dashboard asset, read once: htmx, its SSE extension and uPlot from node_modules, and
 * guardia's own stylesheet and script from `src/dashboard/layout/assets/` (found from the
 * package root, so the same files serve from `src/` under vitest and from `dist/`).
 */
export function loadAssetFiles(): AssetFile[] {
  const own = join(packageRoot(), 'src', 'dashboard', 'layout', 'assets');
  return [
    ...VENDORED.map((a) => ({ name: a.name, contentType: a.contentType, body: readFileSync(require.resolve(a.module)) })),
    ...OWN.map((a) => ({ name: a.name, contentType: a.contentType, body: readFileSync(join(own, a.name)) })),
  ];
}

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('guardia package.json not found above the dashboard assets');
    dir = parent;
  }
  return dir;
}
