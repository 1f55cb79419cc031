export { Scheduler } from './scheduler.js';
export type { SchedulerOptions } from './scheduler.js';
export type { Job } from './job.js';
export type { JobStateRepository, JobRunRecord } from './job-state-repository.js';
export { MemoryJobStateRepository } from './memory-job-state-repository.js';
export { StoreJobStateRepository } from './store-job-state-repository.js';
