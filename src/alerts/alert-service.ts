import type { AlertInstance } from './alert-instance.js';
import type { AlertFilter, AlertStateRepository } from './alert-state-repository.js';
import { toInstance } from './internal/alert-transitions.js';

/** Alerts as the API and the CLI list them, read from the store (works without the daemon). */
export class AlertService {
  constructor(private readonly repository: AlertStateRepository) {}

  async list(filter: AlertFilter = {}): Promise<AlertInstance[]> {
    return (await this.repository.list(filter)).map(toInstance);
  }
}
