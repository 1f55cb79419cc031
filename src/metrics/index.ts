export { MetricsRegistry } from './metrics-registry.js';
