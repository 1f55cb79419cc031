import { z } from 'zod';
import type { BackupManifest } from './manifest.js';

const isoTime = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'an ISO 8601 time');
const count = z.number().int().nonnegative();

const manifestSchema = z.strictObject({
  format: z.literal(1),
  id: z.string().regex(/^\d{8}T\d{6}Z-[0-9a-f]{4}$/),
  environment: z.string().min(1),
  database: z.string().min(1),
  serverVersion: z.number().int().positive(),
  clientVersion: z.string().min(1),
  guardiaVersion: z.string(),
  startedAt: isoTime,
  endedAt: isoTime,
  method: z.literal('pg_dump_directory'),
  compression: z.enum(['zstd', 'gzip']),
  recipients: z.array(z.string()),
  rawBytes: count,
  storedBytes: count,
  files: z.array(
    z.strictObject({
      // Paths are joined onto local folders on restore: never absolute, never `..`.
      path: z.string().regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^\\]+$/),
      plainPath: z.string().regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^\\]+$/),
      size: count,
      rawSize: count,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  tables: z.array(z.strictObject({ schema: z.string(), name: z.string(), rows: count })),
  globals: z.boolean(),
});

/** The manifest as stored: pretty JSON with a trailing newline, readable by people and `jq`. */
export function serializeManifest(manifest: BackupManifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
}

/** A parsed manifest, or why it cannot be trusted (one line). */
export type ParsedManifest = { ok: true; manifest: BackupManifest } | { ok: false; reason: string };

/**
 * Parses and validates a manifest read from a repository. Never throws: a damaged or foreign
 * manifest becomes a reason, so listing shows that backup as failed instead of crashing.
 */
export function parseManifest(text: string): ParsedManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `manifest.json is not JSON (${(error as Error).message})` };
  }
  const result = manifestSchema.safeParse(data);
  if (result.success) return { ok: true, manifest: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'manifest';
  return { ok: false, reason: `manifest.json is invalid at ${where}: ${issue?.message ?? 'unexpected shape'}` };
}
