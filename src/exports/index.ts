export type { ExportFile, ExportPlan, ExportTarget } from './export-target.js';
export { writeExportFiles } from './write-export-files.js';
export type { WriteExportOptions, WrittenFile } from './write-export-files.js';
export { ExportWriteError } from './export-write-error.js';
export { githubActionsExport, GITHUB_ACTIONS_MARKER, WORKFLOW_FILES, FAILURE_WEBHOOK_SECRET } from './github-actions/index.js';
export type { GithubActionsOptions } from './github-actions/index.js';
