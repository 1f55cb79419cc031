import type { Clock } from '../clock/index.js';

/** What every notifier is given: how to reach the network and what time it is. */
export interface NotifierDeps {
  fetch: typeof fetch;
  clock: Clock;
}
