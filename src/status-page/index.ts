export { NO_STATUS_PAGES } from './status-page-report.js';
export type { ComponentState, PublicComponent, PublicIncident, PublicMaintenance, StatusPageReport, StatusPages, UptimeDay } from './status-page-report.js';
export { StatusPageService, type StatusPageServiceDeps } from './status-page-service.js';
export { statusPageRoutes } from './status-page-routes.js';
