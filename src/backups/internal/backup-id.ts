import { randomBytes } from 'node:crypto';

/** A backup id from its start time: `20261122T020000Z-3f9a` (sortable by time, 4 random hex digits). */
export function newBackupId(startedAt: number, suffix: string = randomBytes(2).toString('hex')): string {
  const stamp = new Date(startedAt).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `${stamp}-${suffix}`;
}

/** The start time encoded in a backup id, or undefined when `id` is not one. */
export function backupIdTime(id: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-[0-9a-f]{4}$/.exec(id);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

/** The repository folder of one backup: `<env>/<db>/<id>/`. */
export function backupPrefix(environment: string, database: string, id: string): string {
  return `${environment}/${database}/${id}/`;
}
