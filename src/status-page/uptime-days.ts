import type { LabelMatcher, Tsdb } from '../tsdb/index.js';
import type { UptimeDay } from './status-page-report.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** How many daily bars a component shows. */
export const UPTIME_DAYS = 90;

/** One probe's uptime bars and its total over them. */
export interface ProbeUptime {
  days: UptimeDay[];
  total: number | null;
}

interface Tally {
  sum: number;
  count: number;
}

/**
 * Daily uptime of `probes` of `env` over the last 90 UTC days from `guardia_probe_up`, in three
 * batched reads: 1-hour rollups for past days, 1-minute rollups for today, raw samples since
 * the last finished minute.
 */
export async function readUptimeDays(
  tsdb: Pick<Tsdb, 'queryRollup' | 'queryRange'>,
  env: string,
  probes: readonly string[],
  now: number,
): Promise<Map<string, ProbeUptime>> {
  const tallies = new Map(probes.map((probe) => [probe, new Map<number, Tally>()]));
  if (probes.length === 0) return new Map();
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const first = today - (UPTIME_DAYS - 1) * DAY_MS;
  const matchers: LabelMatcher[] = [
    { name: '__name__', op: '=', value: 'guardia_probe_up' },
    { name: 'env', op: '=', value: env },
    // Probe names are letters, digits, "_" and "-": nothing to escape in the alternation.
    { name: 'probe', op: '=~', value: probes.join('|') },
  ];
  const add = (probe: string | undefined, t: number, sum: number, count: number) => {
    const days = probe === undefined ? undefined : tallies.get(probe);
    if (days === undefined) return;
    const day = Math.floor(t / DAY_MS) * DAY_MS;
    const tally = days.get(day) ?? { sum: 0, count: 0 };
    tally.sum += sum;
    tally.count += count;
    days.set(day, tally);
  };
  const [hours, minutes] = await Promise.all([
    tsdb.queryRollup(matchers, '1h', first, today - 1),
    tsdb.queryRollup(matchers, '1m', today, now),
  ]);
  for (const series of hours) for (const p of series.points) add(series.labels.probe, p.t, p.sum, p.count);
  const rawFrom = new Map<string, number>();
  for (const series of minutes) {
    for (const p of series.points) add(series.labels.probe, p.t, p.sum, p.count);
    const last = series.points.at(-1);
    if (last !== undefined && series.labels.probe !== undefined) rawFrom.set(series.labels.probe, last.t + MINUTE_MS);
  }
  const since = Math.min(...probes.map((probe) => rawFrom.get(probe) ?? today));
  for (const series of await tsdb.queryRange(matchers, since, now)) {
    const from = rawFrom.get(series.labels.probe ?? '') ?? today;
    for (const s of series.samples) if (s.t >= from) add(series.labels.probe, s.t, s.v, 1);
  }
  return new Map(probes.map((probe) => [probe, toUptime(tallies.get(probe) ?? new Map(), first)]));
}

function toUptime(days: Map<number, Tally>, first: number): ProbeUptime {
  let sum = 0;
  let count = 0;
  const bars: UptimeDay[] = [];
  for (let i = 0; i < UPTIME_DAYS; i++) {
    const day = first + i * DAY_MS;
    const tally = days.get(day);
    if (tally !== undefined) {
      sum += tally.sum;
      count += tally.count;
    }
    bars.push({ date: new Date(day).toISOString().slice(0, 10), uptime: tally === undefined || tally.count === 0 ? null : percent(tally) });
  }
  return { days: bars, total: count === 0 ? null : percent({ sum, count }) };
}

/** Rounded down to hundredths, so any downtime shows below 100%. */
function percent(tally: Tally): number {
  return Math.floor((tally.sum / tally.count) * 10_000) / 100;
}
