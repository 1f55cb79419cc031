import { GuardiaError } from '../errors.js';

/** An export's file could not be read or written (permissions, a file where a directory should be). */
export class ExportWriteError extends GuardiaError {
  readonly code = 'export_write_failed';
}
