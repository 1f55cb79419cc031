export { EventBus } from './event-bus.js';
export type { GuardiaEvents } from './guardia-events.js';
