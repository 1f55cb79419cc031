import type { AckLinks } from './ack-links.js';
import type { IncidentService } from './incident-service.js';

/** What the HTTP API needs of incidents: the service's actions plus checking ack links. */
export function incidentApi(service: IncidentService, ackLinks: AckLinks) {
  return {
    list: service.list.bind(service),
    view: service.view.bind(service),
    acknowledge: service.acknowledge.bind(service),
    resolve: service.resolve.bind(service),
    assign: service.assign.bind(service),
    note: service.note.bind(service),
    verifyAckLink: ackLinks.verify.bind(ackLinks),
  };
}
