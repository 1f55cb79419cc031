/** The subset of GitHub's workflow syntax guardia writes. */
export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

export interface Job {
  name: string;
  'runs-on': string | string[];
  'timeout-minutes': number;
  permissions: Record<string, string>;
  needs?: string[];
  environment?: { name: string; url?: string };
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  env?: Record<string, string>;
  steps: Step[];
}

export interface Step {
  name?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}
