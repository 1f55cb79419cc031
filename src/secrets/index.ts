export type { SecretDisplay, SecretFinding, SecretRule, SecretScanOptions, SecretScanResult, SkippedCounts } from './secret-scan.js';
export { ALLOW_SECRET_MARKER } from './secret-scan.js';
export { SECRET_RULES } from './secret-rules.js';
export { scanSecrets } from './scan-secrets.js';
