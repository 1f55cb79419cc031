/** A PostgreSQL version as the tools and the server report it. */
export interface PgVersion {
  major: number;
  text: string;
}

/**
 * The version in a tool's `--version` line: `pg_dump (PostgreSQL) 15.10 (Debian 15.10-0+deb12u1)`
 * → `{ major: 15, text: '15.10' }`, `pg_dump (PostgreSQL) 16beta2` → `{ major: 16, text: '16beta2' }`.
 * Undefined when the line is not one.
 */
export function parseToolVersion(output: string): PgVersion | undefined {
  const match = /\(PostgreSQL\)\s+((\d+)(?:\.\d+)*\S*)/.exec(output);
  if (!match?.[1] || !match[2]) return undefined;
  return { major: Number(match[2]), text: match[1] };
}

/** `server_version_num` as a version: 160004 → `16.4`, 90624 → `9.6.24` (major 9). */
export function serverVersion(versionNum: number): PgVersion {
  const major = Math.floor(versionNum / 10000);
  if (versionNum >= 100000) return { major, text: `${major}.${versionNum % 10000}` };
  return { major, text: `${major}.${Math.floor(versionNum / 100) % 100}.${versionNum % 100}` };
}

/** The major of a version text written in a manifest (`15.10`, `16beta2`). */
export function majorOf(text: string): number | undefined {
  const match = /^(\d+)/.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
