/**
 * A deterministic offset in `[0, jitterMs)` for a job id (FNV-1a hash with murmur3's
 * finalizer, so ids differing only in their last character still spread). Being derived
 * from the id rather than random keeps the spread of first runs identical across restarts.
 */
export function jitterOffset(id: string, jitterMs: number): number {
  if (jitterMs <= 0) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return Math.floor(((hash >>> 0) / 0x1_0000_0000) * jitterMs);
}
