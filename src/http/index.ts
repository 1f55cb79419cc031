export { createApp, type AppOptions } from './create-app.js';
export { startHttpServer, isLoopbackHost, type RunningServer } from './http-server.js';
export type { HttpServices, ProbeView, EnvironmentView, SamplesView, SeriesView, Caller } from './http-deps.js';
