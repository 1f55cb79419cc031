export type { Approval, ReleaseRecord, ReleaseStatus, StepRecord } from './release.js';
export { FINAL_STATUSES } from './release.js';
export type { ReleaseDeps } from './release-deps.js';
export { ReleaseRepository } from './release-repository.js';
export { ReleaseService, lockName, type StartRelease } from './release-service.js';
export { createReleaseDeps, type ReleaseWiring } from './create-release-deps.js';
