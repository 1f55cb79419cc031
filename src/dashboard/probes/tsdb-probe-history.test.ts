import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../../store/index.js';
import { createTsdb, type AppendSample } from '../../tsdb/index.js';
import { NOW, runSamples } from '../overview/dashboard-test-kit.js';
import { RecentFailures } from './recent-failures.js';
import { TsdbProbeHistory } from './tsdb-probe-history.js';

const HOUR = 3_600_000;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function history() {
  const store = await openMemoryStore();
  const tsdb = createTsdb(store, { rawRetentionMs: 48 * HOUR });
  close = () => tsdb.close().then(() => store.close());
  let now = NOW;
  const reader = new TsdbProbeHistory({ tsdb, rawRetentionMs: 48 * HOUR, failures: new RecentFailures(), now: () => now });
  const write = async (samples: AppendSample[]) => {
    tsdb.append('test', samples);
    await tsdb.flush();
    await tsdb.maintain(now);
  };
  return { reader, write, setNow: (t: number) => (now = t) };
}

const api = { id: 'production/api', env: 'production', name: 'api' };
const web = { id: 'staging/web', env: 'staging', name: 'web' };

function hours(env: string, probe: string, from: number, to: number, status: 'up' | 'down'): AppendSample[] {
  const out: AppendSample[] = [];
  for (let t = from; t < to; t += 60_000) out.push(...runSamples(env, probe, t, status, 10));
  return out;
}

describe('TsdbProbeHistory', () => {
  it('reads the uptime of several probes in one query, matching each by env and name', async () => {
    const { reader, write } = await history();
    await write([...hours('production', 'api', NOW - 5 * HOUR, NOW - HOUR, 'up'), ...hours('staging', 'web', NOW - 5 * HOUR, NOW - HOUR, 'down')]);
    const uptime = await reader.uptime([api, web, { id: 'staging/api', env: 'staging', name: 'api' }], NOW);
    expect(uptime.get('production/api')).toEqual({ day: 1, week: 1, month: 1 });
    expect(uptime.get('staging/web')).toEqual({ day: 0, week: 0, month: 0 });
    expect(uptime.get('staging/api')).toEqual({ day: null, week: null, month: null });
  });

  it('keeps uptime for a minute, then reads it again', async () => {
    const { reader, write, setNow } = await history();
    const first = NOW - 2 * HOUR + 120_000;
    setNow(first);
    await write(hours('production', 'api', NOW - 3 * HOUR, NOW - 2 * HOUR, 'up'));
    expect((await reader.uptime([api], first)).get(api.id)?.day).toBe(1);
    setNow(NOW);
    await write(hours('production', 'api', NOW - 2 * HOUR, NOW - HOUR, 'down'));
    expect((await reader.uptime([api], first + 59_000)).get(api.id)?.day).toBe(1);
    // 60 up minutes, 59 down: the first down minute had been rolled up (empty) before it was written.
    expect((await reader.uptime([api], NOW)).get(api.id)?.day).toBeCloseTo(60 / 119, 9);
  });

  it('reads state changes from the minute rollups, by each minute\'s worst state, beyond raw retention', async () => {
    const { reader, write, setNow } = await history();
    await write([...hours('production', 'api', NOW - 10 * HOUR, NOW - 9 * HOUR, 'up'), ...hours('production', 'api', NOW - 9 * HOUR, NOW - 8 * HOUR, 'down')]);
    setNow(NOW + 3 * 24 * HOUR);
    const changes = await reader.stateChanges(api, NOW - 24 * HOUR, NOW + 3 * 24 * HOUR, 10);
    expect(changes).toEqual([{ at: NOW - 9 * HOUR, status: 'down' }, { at: NOW - 10 * HOUR, status: 'up' }]);
  });
});
