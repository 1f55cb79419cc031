export { githubActionsExport } from './github-actions-export.js';
export { GITHUB_ACTIONS_MARKER, WORKFLOW_FILES } from './github-actions-options.js';
export type { GithubActionsOptions } from './github-actions-options.js';
export { FAILURE_WEBHOOK_SECRET } from './backup-workflow.js';
