import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../scenario.js';
import type { ScenarioResult } from '../scenario-result.js';
import { forkChild } from './fork-child.js';
import { measureWindow } from './measure-window.js';
import { RssSampler } from './rss-sampler.js';
import { startEngine } from './start-engine.js';

const RSS_SAMPLE_MS = 100;

/**
 * Runs one scenario in this process: starts the target server in a child process, runs
 * guardia against it in a temporary directory, measures (with a heap profile of the window
 * in `heapProfileDir` when given), then stops and removes it all.
 */
export async function runScenario(scenario: Scenario, heapProfileDir?: string): Promise<ScenarioResult> {
  const rss = new RssSampler();
  rss.start(RSS_SAMPLE_MS);
  const target = forkChild<{ port: number }>(new URL('../target-process.js', import.meta.url), []);
  const dir = mkdtempSync(join(tmpdir(), 'guardia-bench-'));
  try {
    const { port } = await target.message;
    const engine = await startEngine(scenario, dir, `http://127.0.0.1:${port}`);
    try {
      return await measureWindow(engine, scenario, rss, heapProfileDir);
    } finally {
      await engine.stop();
    }
  } finally {
    rss.stop();
    target.child.kill();
    await target.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}
