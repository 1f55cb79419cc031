import type { AlertInstance } from '../../alerts/alert-instance.js';
import type { EventBus, GuardiaEvents } from '../../events/index.js';

/** A change the dashboard shows without a reload. */
export type LiveChange =
  | { kind: 'probe'; change: GuardiaEvents['probe:state'] }
  | { kind: 'alert'; alert: AlertInstance };

/** Where `/live` hears about changes; returns the unsubscribe function. */
export interface LiveFeed {
  subscribe(listener: (change: LiveChange) => void): () => void;
}

/** A live feed over guardia's event bus: `probe:state` and `alert:state`. */
export function liveFeedOf(events: EventBus<GuardiaEvents>): LiveFeed {
  return {
    subscribe(listener) {
      const offProbe = events.on('probe:state', (change) => listener({ kind: 'probe', change }));
      const offAlert = events.on('alert:state', (alert) => listener({ kind: 'alert', alert }));
      return () => {
        offProbe();
        offAlert();
      };
    },
  };
}
