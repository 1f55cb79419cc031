import { Hono, type Context } from 'hono';
import type { AlertInstance } from '../../alerts/alert-instance.js';
import type { HttpServices, ProbeView } from '../../http/http-deps.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { PageLayout } from '../layout/page-layout.js';
import { Pagination, pageNumber } from '../layout/pagination.js';
import { filterProbes, overviewHref, parseOverviewFilter, STATES, type OverviewFilter } from './overview-filter.js';
import { OverviewTable, type ProbeExtras } from './overview-table.js';

/** Probes per overview page. */
export const PAGE_SIZE = 50;
const SPARK_POINTS = 30;

/** `GET /`: every probe per environment, filtered (`env`, `state`, `q`) and paged on the server. */
export function overviewPages(services: HttpServices): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.get('/', async (c) => {
    const filter = parseOverviewFilter(c.req.query());
    const [all, firing] = await Promise.all([services.probes.list(), services.alerts.list({ state: 'firing' })]);
    const matching = filterProbes(all, filter);
    const page = pageNumber(c.req.query('page'), matching.length, PAGE_SIZE);
    const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const extras = await extrasOf(services, shown);
    const envs = [...new Set(all.map((p) => p.env))];
    return render(c, { filter, envs, shown, matching: matching.length, page, extras, firing });
  });
  return app;
}

async function extrasOf(services: HttpServices, probes: ProbeView[]): Promise<ProbeExtras> {
  const history = services.probeHistory;
  if (!history) return { uptime: new Map(), sparklines: new Map() };
  const keys = probes.map((p) => ({ id: p.id, env: p.env, name: p.name }));
  const now = services.now();
  const [uptime, sparklines] = await Promise.all([history.uptime(keys, now), history.sparklines(keys, now, SPARK_POINTS)]);
  return { uptime, sparklines };
}

interface OverviewModel {
  filter: OverviewFilter;
  envs: string[];
  shown: ProbeView[];
  matching: number;
  page: number;
  extras: ProbeExtras;
  firing: AlertInstance[];
}

function render(c: Context<DashboardEnv>, m: OverviewModel) {
  const groups = m.envs.map((env) => ({ env, probes: m.shown.filter((p) => p.env === env) })).filter((g) => g.probes.length > 0);
  return c.html(
    <PageLayout title="Overview" section="overview" caller={c.get('caller')} csrfToken={c.get('csrfToken')}>
      <p>
        {m.firing.length === 0 ? 'No alert is firing.' : `${m.firing.length} alert${m.firing.length === 1 ? ' is' : 's are'} firing: `}
        {m.firing.slice(0, 5).map((a, i) => <>{i > 0 && ', '}<strong>{a.rule}</strong>{a.env && ` (${a.env})`}</>)}
        {m.firing.length > 0 && <> — <a href="/alerts">see alerts</a></>}
      </p>
      <FilterForm filter={m.filter} envs={m.envs} />
      <p class="muted" role="status">{m.matching} probe{m.matching === 1 ? '' : 's'} match.</p>
      {groups.map((g) => <OverviewTable env={g.env} probes={g.probes} extras={m.extras} />)}
      <Pagination page={m.page} pageSize={PAGE_SIZE} total={m.matching} href={(n) => overviewHref(m.filter, n)} />
    </PageLayout>,
  );
}

function FilterForm(props: { filter: OverviewFilter; envs: string[] }) {
  const { filter } = props;
  return (
    <form class="filters" method="get" action="/" role="search">
      <span>
        <label for="f-env">Environment</label>
        <select id="f-env" name="env">
          <option value="">all</option>
          {props.envs.map((e) => <option value={e} selected={filter.env === e}>{e}</option>)}
        </select>
      </span>
      <span>
        <label for="f-state">State</label>
        <select id="f-state" name="state">
          <option value="">any</option>
          {STATES.map((s) => <option value={s} selected={filter.state === s}>{s}</option>)}
        </select>
      </span>
      <span>
        <label for="f-q">Text</label>
        <input id="f-q" name="q" type="search" maxlength={200} value={filter.q ?? ''} />
      </span>
      <button type="submit">Filter</button>
    </form>
  );
}
