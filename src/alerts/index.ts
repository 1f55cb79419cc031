export type { AlertInstance, Severity } from './alert-instance.js';
export { alertFingerprint } from './alert-fingerprint.js';
export { AlertStateRepository, type AlertFilter, type SavedAlert } from './alert-state-repository.js';
export { AlertService } from './alert-service.js';
export { RuleManager, type RuleManagerDeps } from './rule-manager.js';
export { HeartbeatPinger, type HeartbeatPingerDeps } from './watchdog/heartbeat-pinger.js';
