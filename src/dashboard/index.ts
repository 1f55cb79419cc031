export type { DashboardCaller, DashboardEnv } from './dashboard-env.js';
export type { PageShellProps, Section } from './page-shell.js';
export { createDashboard, type DashboardOptions } from './create-dashboard.js';
export { liveFeedOf, type LiveChange, type LiveFeed } from './live/live-feed.js';
export type { FailureView, LatencyView, ProbeHistory, ProbeKey, StateChange, Uptime } from './probes/probe-history.js';
export { RecentFailures } from './probes/recent-failures.js';
export { TsdbProbeHistory } from './probes/tsdb-probe-history.js';
