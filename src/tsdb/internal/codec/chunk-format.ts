/**
 * The raw chunk format, version 1. A chunk is one series' samples in time order,
 * self-describing (no count or start needed from outside), read until the bytes end:
 *
 * ```
 * chunk  := 0x01 sample*
 * sample := time value
 * time   := zigzag varint of t (first sample), t - t_prev (second), delta-of-delta (others)
 * value  := control [payload]; the state is the previous value (initially +0) and a scale k (initially 0)
 *   0x00             the previous value's bits again
 *   0x80 | z         scaled integer at the current scale k, z = zigzag(delta) < 128, no payload
 *   0x01 + k         scaled integer at k decimals (k ≤ 15), zigzag varint delta follows; k becomes the scale
 *   0x11 + 8·L + T   XOR with the previous value's bits having L leading and T trailing zero bytes;
 *                    the 8 - L - T middle bytes follow, most significant first
 * ```
 *
 * A scaled integer `m` stands for `m / 10^k`; its delta is taken against
 * `round(previous · 10^k)`, so 0/1 flips, counters and values such as 0.0123 cost one or
 * two bytes, while arbitrary floats fall back to XOR (Gorilla's idea, byte-aligned).
 */
export const CHUNK_FORMAT_VERSION = 1;

export const CONTROL_REPEAT = 0x00;
export const CONTROL_SCALED = 0x01;
export const CONTROL_XOR = 0x11;
export const CONTROL_SHORT = 0x80;

/** Timestamps are epoch ms within ±2^50 (±35,000 years) so every delta-of-delta stays exact. */
export const MAX_ABS_TIME = 2 ** 50;

/** Largest delta (in units of 10^-k) a scaled integer may carry and still be exact. */
export const MAX_SCALED_DELTA = 2 ** 52;
