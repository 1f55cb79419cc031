import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { When } from '../layout/ops-page.js';
import { StatusBadge } from '../layout/status-badge.js';
import type { FailureView, LatencyView, StateChange } from './probe-history.js';
import { RANGES, type RangeName } from './probe-ranges.js';

/** Range links, p50/p95/p99 and the chart (drawn by guardia.js from the embedded JSON). */
export function LatencySection(props: { latency: LatencyView; range: RangeName; href: (range: RangeName) => string }): Child {
  const { latency } = props;
  const ms = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)} ms`);
  return (
    <section aria-labelledby="latency">
      <h2 id="latency">Latency</h2>
      <ul class="ranges" aria-label="Range">
        {(Object.keys(RANGES) as RangeName[]).map((r) => (
          <li><a href={props.href(r)} aria-current={r === props.range ? 'page' : undefined}>{r}</a></li>
        ))}
      </ul>
      <dl class="facts">
        <dt>p50</dt><dd>{ms(latency.p50)}</dd>
        <dt>p95</dt><dd>{ms(latency.p95)}</dd>
        <dt>p99</dt><dd>{ms(latency.p99)}</dd>
        <dt>Based on</dt>
        <dd>
          {latency.method === 'raw'
            ? `every run in the range (${latency.runs} runs): exact`
            : `each minute's slowest run (${latency.runs} minutes; raw samples are no longer kept): approximate, leaning high`}
        </dd>
      </dl>
      <div class="chart" data-chart="latency-data" role="img" aria-label="Latency p50, p95 and p99 over the range">
        <p class="muted">The chart needs JavaScript; the figures above do not.</p>
      </div>
      <script type="application/json" id="latency-data">{raw(chartJson(latency))}</script>
    </section>
  );
}

// Written raw (a script element's text is not HTML-decoded), with `<` escaped so it cannot end the element.
function chartJson(latency: LatencyView): string {
  const data = {
    t: latency.chart.t,
    series: [
      { label: 'p50', values: latency.chart.p50 },
      { label: 'p95', values: latency.chart.p95 },
      { label: 'p99', values: latency.chart.p99 },
    ],
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** State changes in the range, newest first. */
export function StateHistory(props: { changes: StateChange[]; now: number }): Child {
  return (
    <section aria-labelledby="history">
      <h2 id="history">State history</h2>
      {props.changes.length === 0 ? <p class="muted">No recorded state in this range.</p> : (
        <table>
          <thead><tr><th scope="col">From</th><th scope="col">State</th></tr></thead>
          <tbody>
            {props.changes.map((ch) => <tr><td><When at={ch.at} now={props.now} /></td><td><StatusBadge state={ch.status} /></td></tr>)}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The latest failed or degraded runs with their reasons. */
export function RecentFailureList(props: { failures: FailureView[]; now: number }): Child {
  return (
    <section aria-labelledby="failures">
      <h2 id="failures">Recent failures</h2>
      {props.failures.length === 0 ? <p class="muted">No failed or degraded run since guardia started.</p> : (
        <table>
          <thead><tr><th scope="col">When</th><th scope="col">State</th><th scope="col">Reason</th></tr></thead>
          <tbody>
            {props.failures.map((f) => (
              <tr><td><When at={f.at} now={props.now} /></td><td><StatusBadge state={f.status} /></td><td class="reason">{f.reason}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
