import { BackupFailedError } from '../../../errors.js';

/**
 * The error of a rule that cannot be applied, naming the rule key first. The mirror is a restore
 * that failed at its masking step, hence a `backup_failed` error.
 */
export function maskError(key: string, message: string, cause?: unknown): BackupFailedError {
  return new BackupFailedError(`mask rule "${key}": ${message}`, cause === undefined ? {} : { cause });
}
