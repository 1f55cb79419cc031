import { runScenario } from './internal/run-scenario.js';
import type { Scenario } from './scenario.js';

/**
 * Entry of the process that runs guardia for one scenario, so that its peak memory is
 * its own. Reads the scenario as JSON from argv (then, optionally, a directory for a heap
 * profile of the window) and sends the result over IPC.
 */
const scenario = JSON.parse(process.argv[2] ?? '') as Scenario;
try {
  const result = await runScenario(scenario, process.argv[3]);
  process.send?.({ result });
  process.disconnect?.();
} catch (error) {
  process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
  process.disconnect?.();
}
