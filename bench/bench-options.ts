import { parseArgs } from 'node:util';
import { parseDuration } from '../src/config/index.js';
import { DEFAULT_SCENARIOS, type Scenario } from './scenario.js';

/** What `npm run bench:probes -- …` asked for. */
export interface BenchOptions {
  scenarios: Scenario[];
  repeat: number;
  /** Write a V8 CPU profile of each scenario process into this directory. */
  cpuProfileDir?: string;
  /** Write a profile of the window's allocations that outlived the young generation into this directory. */
  heapProfileDir?: string;
}

export const USAGE = `usage: npm run bench:probes -- [options]
  --scenario 1|2|NAME   run one default scenario (default: both, each in its own process)
  --probes N            number of http probes       } any of these alone runs one custom
  --every DURATION      probe interval, e.g. 10s    } scenario based on scenario 1, or
  --duration DURATION   measured window, e.g. 60s   } changes the one --scenario names;
  --warmup DURATION     before the window (default: one period)
  --jitter DURATION     defaults.jitter in guardia.yaml (default: guardia's own default)
  --node-flags=FLAGS    flags for the guardia process, e.g. --node-flags=--optimize-for-size
  --repeat N            run each scenario N times and judge the medians (default 1)
  --cpu-prof            write a V8 CPU profile per scenario to bench/out/profiles
  --heap-prof           sample the window's allocations that outlive the young generation
                        (what grows old space) to bench/out/profiles/*.heapprofile
  --help`;

/** Parses the command line; throws with a message naming the bad flag. */
export function parseBenchOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string' }, probes: { type: 'string' }, every: { type: 'string' }, duration: { type: 'string' },
      warmup: { type: 'string' }, jitter: { type: 'string' }, repeat: { type: 'string' }, 'cpu-prof': { type: 'boolean' },
      'heap-prof': { type: 'boolean' },
      'node-flags': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const custom = values.probes !== undefined || values.every !== undefined || values.duration !== undefined || values.warmup !== undefined;
  let scenarios = selectScenarios(values.scenario, custom);
  scenarios = scenarios.map((base) => {
    const everyMs = values.every !== undefined ? parseDuration(values.every) : base.everyMs;
    const periods = base.measureMs / base.everyMs;
    return {
      name: custom && values.scenario === undefined ? 'custom' : base.name,
      probes: values.probes !== undefined ? positiveInteger('--probes', values.probes) : base.probes,
      everyMs,
      warmupMs: values.warmup !== undefined ? parseDuration(values.warmup) : values.every !== undefined ? everyMs : base.warmupMs,
      measureMs: values.duration !== undefined ? parseDuration(values.duration) : everyMs * periods,
      ...(values.jitter !== undefined ? { jitterMs: parseDuration(values.jitter) } : {}),
      ...(values['node-flags'] ? { nodeFlags: values['node-flags'].split(/\s+/).filter(Boolean) } : {}),
    };
  });
  const options: BenchOptions = { scenarios, repeat: values.repeat !== undefined ? positiveInteger('--repeat', values.repeat) : 1 };
  if (values['cpu-prof']) options.cpuProfileDir = 'bench/out/profiles';
  if (values['heap-prof']) options.heapProfileDir = 'bench/out/profiles';
  return options;
}

function selectScenarios(name: string | undefined, custom: boolean): Scenario[] {
  if (name === undefined) return custom ? [DEFAULT_SCENARIOS[0] as Scenario] : [...DEFAULT_SCENARIOS];
  const index = /^\d+$/.test(name) ? Number(name) - 1 : DEFAULT_SCENARIOS.findIndex((s) => s.name === name);
  const found = DEFAULT_SCENARIOS[index];
  if (!found) throw new Error(`--scenario ${name}: expected 1, 2 or one of ${DEFAULT_SCENARIOS.map((s) => s.name).join(', ')}`);
  return [found];
}

function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${flag} ${text}: expected a positive whole number`);
  return value;
}
