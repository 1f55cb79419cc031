export type { CoverageReport, MirrorOptions, MirrorProgress, MirrorRecord, MirrorService, MirrorStatus } from './mirror-service.js';
export type { AllowedColumn, MaskMethod, MaskRule } from './mask-rule.js';
export { createMirrorService, type MirrorServiceDeps } from './create-mirror-service.js';
