export type { Incident, IncidentAlert, IncidentDetail, IncidentStatus, TimelineEntry, TimelineKind } from './incident.js';
export { IncidentRepository } from './incident-repository.js';
export { IncidentService, type IncidentServiceDeps, type IncidentView } from './incident-service.js';
export { IncidentWatcher, type IncidentWatcherDeps } from './incident-watcher.js';
export { AckLinks } from './ack-links.js';
export { renderPostmortem, span } from './postmortem-writer.js';
export { incidentApi } from './incident-api.js';
export { IncidentLinks, type IncidentLinksDeps } from './incident-links.js';
