import type { NotifiedAlert } from './notifier.js';

/**
 * Adds annotations to alerts as a notification is built, for what another domain knows
 * about them (the incidents domain: the incident's page and signed acknowledge link).
 */
export interface NotificationEnricher {
  /** Annotations to add, by alert fingerprint; alerts left out are sent as they are. */
  annotationsFor(alerts: readonly NotifiedAlert[]): Promise<Map<string, Record<string, string>>>;
}
