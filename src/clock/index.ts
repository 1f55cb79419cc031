export type { Clock, CancelTimer } from './clock.js';
export { systemClock } from './system-clock.js';
export { FakeClock } from './fake-clock.js';
