import type { Child } from 'hono/jsx';
import type { ProbeView } from '../../http/http-deps.js';
import type { Uptime } from '../probes/probe-history.js';
import { probeHref } from '../probes/probe-href.js';
import { ProbeStateCell, probeEventName } from './probe-state-cell.js';
import { Sparkline } from './sparkline.js';

/** What the overview table shows beside each probe's state. */
export interface ProbeExtras {
  uptime: Map<string, Uptime>;
  sparklines: Map<string, number[]>;
}

/** One environment's probes: state (live), latency sparkline and uptime over 24 h / 7 d / 30 d. */
export function OverviewTable(props: { env: string; probes: readonly ProbeView[]; extras: ProbeExtras }): Child {
  return (
    <section aria-labelledby={`env-${props.env}`}>
      <h2 id={`env-${props.env}`}>{props.env}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Probe</th>
              <th scope="col">State</th>
              <th scope="col" class="wide">Latency, last hour</th>
              <th scope="col" class="num">24 h</th>
              <th scope="col" class="num wide">7 d</th>
              <th scope="col" class="num wide">30 d</th>
            </tr>
          </thead>
          <tbody>
            {props.probes.map((p) => {
              const uptime = props.extras.uptime.get(p.id);
              return (
                <tr>
                  <th scope="row"><a href={probeHref(p.env, p.name)}>{p.name}</a> <span class="muted">{p.kind}</span></th>
                  <td sse-swap={probeEventName(p.id)}><ProbeStateCell status={p.status} reason={p.reason} /></td>
                  <td class="wide"><Sparkline values={props.extras.sparklines.get(p.id) ?? []} /></td>
                  <td class="num">{percent(uptime?.day)}</td>
                  <td class="num wide">{percent(uptime?.week)}</td>
                  <td class="num wide">{percent(uptime?.month)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** `99.95%`; `–` without data. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined) return '–';
  return `${(Math.floor(share * 10_000) / 100).toFixed(2)}%`;
}
