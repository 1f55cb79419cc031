import type { RunOperation } from '../backup-records.js';

/**
 * The lock an operation on one database takes: `backup:production/app`, `verify:production/app`…
 * Two backups of one database never overlap; a run whose holder no longer holds this lock died.
 */
export function operationLockName(operation: RunOperation, environment: string, database: string): string {
  return `${operation}:${environment}/${database}`;
}

/** What the holder text says the holder is doing: `backup production/app`. */
export function operationPurpose(operation: RunOperation, environment: string, database: string): string {
  return `${operation} ${environment}/${database}`;
}
