import type { BackupContext } from '../../backup-context.js';

/** The age identity file for a restore: the one given, else `BACKUP_AGE_IDENTITY_FILE`, else the verify identity. */
export function resolveIdentity(ctx: BackupContext, given?: string): string | undefined {
  const env = ctx.env ?? process.env;
  return given ?? (env.BACKUP_AGE_IDENTITY_FILE || undefined) ?? ctx.config.verify.identityFile;
}
