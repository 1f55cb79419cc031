import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { createApp, startHttpServer } from '../../src/http/index.js';
import { buildFixture } from './dashboard-fixture.js';
import { medianTiming, timeInProcess, timeOverHttp, type Timing } from './dashboard-timing.js';

const PROBES = 1_000;
const RUNS = 9;
const TARGET_RENDER_MS = 1_000;
const TARGET_JS_BYTES = 100 * 1024;
const JS_ASSETS = ['htmx.min.js', 'htmx-ext-sse.js', 'uPlot.iife.min.js', 'guardia.js'];
const PAGES = { 'page 1': '/', 'filtered (state=down, q=p0)': '/?state=down&q=p0' } as const;

/**
 * `npm run bench:dashboard`: 1,000 probes with a week of history in a temporary SQLite
 * store; times the overview (page 1 and a filtered page) in process and over HTTP, cold
 * first and as the median of 9 runs, and weighs the JavaScript the dashboard serves, gzipped.
 * Exits 1 when a render takes 1 s or more or the JavaScript reaches 100 KB gzipped.
 */
async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'guardia-dashboard-bench-'));
  const now = Date.now();
  try {
    const built = performance.now();
    const guardia = await buildFixture(dir, { probes: PROBES, historyMs: 7 * 24 * 3_600_000, rawMs: 2 * 3_600_000 }, now);
    console.log(`fixture: ${PROBES} probes, a week of hourly rollups, 2 h raw, in ${Math.round(performance.now() - built)} ms`);
    const app = createApp(guardia.services, { loopback: true });
    const server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
    const verdicts: boolean[] = [];
    try {
      for (const [label, path] of Object.entries(PAGES)) {
        const cold = await timeInProcess(app, path);
        const inProcess = await repeat(() => timeInProcess(app, path));
        const overHttp = await repeat(() => timeOverHttp(`${server.url}${path}`));
        console.log(`${label} (${path}), ${Math.round(inProcess.bytes / 1024)} KB of HTML`);
        verdicts.push(report('  cold, in process', cold), report(`  median of ${RUNS}, in process`, inProcess), report(`  median of ${RUNS}, over HTTP`, overHttp));
      }
      const jsBytes = await gzippedJs(app);
      const jsPass = jsBytes < TARGET_JS_BYTES;
      console.log(`JavaScript: ${(jsBytes / 1024).toFixed(1)} KB gzipped (target < 100 KB) ${jsPass ? 'PASS' : 'FAIL'}`);
      verdicts.push(jsPass);
    } finally {
      await server.close();
      await guardia.close();
    }
    const pass = verdicts.every(Boolean);
    console.log(pass ? 'PASS' : 'FAIL');
    return pass ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function repeat(load: () => Promise<Timing>): Promise<Timing> {
  const runs: Timing[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await load());
  return medianTiming(runs);
}

function report(label: string, t: Timing): boolean {
  const pass = t.fullMs < TARGET_RENDER_MS;
  console.log(`${label}: first byte ${t.ttfbMs.toFixed(1)} ms, full render ${t.fullMs.toFixed(1)} ms (target < 1000 ms) ${pass ? 'PASS' : 'FAIL'}`);
  return pass;
}

async function gzippedJs(app: Hono): Promise<number> {
  let total = 0;
  for (const name of JS_ASSETS) {
    const res = await app.request(`/assets/${name}`);
    if (res.status !== 200) throw new Error(`/assets/${name} answered ${res.status}`);
    total += gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length;
  }
  return total;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 2;
  },
);
