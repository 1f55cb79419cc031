import { InvalidRequestError } from '../../../errors.js';
import {
  CHUNK_FORMAT_VERSION, CONTROL_REPEAT, CONTROL_SCALED, CONTROL_SHORT, CONTROL_XOR,
  MAX_ABS_TIME, MAX_SCALED_DELTA,
} from './chunk-format.js';
import { MAX_SCALE, predictScaled, scaledInteger } from './decimal-scale.js';
import { type FloatBits, byteAt, fromBits, leadingZeroBytes, readBits, trailingZeroBytes } from './float-bits.js';
import { putVarint, varintLength, zigzag } from './varint.js';

/**
 * What a chunk's next sample is encoded against. Plain numbers, so that a head can keep
 * the state of thousands of open chunks in typed-array columns instead of objects.
 * The previous value is kept as its bits: a NaN's payload must survive for the XOR.
 */
export interface EncoderState {
  count: number;
  firstT: number;
  lastT: number;
  lastDelta: number;
  prevHi: number;
  prevLo: number;
  scale: number;
}

/** Most bytes one sample takes: a time varint (8) plus a control byte and 8 payload bytes. */
export const MAX_SAMPLE_BYTES = 17;
/** Bytes before the first sample: the format version. */
export const CHUNK_HEADER_BYTES = 1;

const bits: FloatBits = { hi: 0, lo: 0 };

export function emptyEncoderState(): EncoderState {
  return { count: 0, firstT: 0, lastT: 0, lastDelta: 0, prevHi: 0, prevLo: 0, scale: 0 };
}

/** Writes the chunk header at `pos`; returns the position after it. */
export function writeChunkHeader(out: Uint8Array, pos: number): number {
  out[pos] = CHUNK_FORMAT_VERSION;
  return pos + CHUNK_HEADER_BYTES;
}

/**
 * Encodes one sample at `pos` of `out`, which must have `MAX_SAMPLE_BYTES` of room, and
 * advances `s`; returns the position after it. No allocation. Throws `InvalidRequestError`,
 * leaving `s` and `out` as they were, when `t` is not an epoch-ms integer after the last one.
 */
export function encodeSample(s: EncoderState, out: Uint8Array, pos: number, t: number, v: number): number {
  if (!Number.isSafeInteger(t) || Math.abs(t) > MAX_ABS_TIME) {
    throw new InvalidRequestError(`sample time ${t} is not an epoch-ms integer`);
  }
  if (s.count > 0 && t <= s.lastT) {
    throw new InvalidRequestError(`sample time ${t} is not after the previous sample (${s.lastT})`);
  }
  pos = writeTime(s, out, pos, t);
  pos = writeValue(s, out, pos, v);
  s.count++;
  return pos;
}

function writeTime(s: EncoderState, out: Uint8Array, pos: number, t: number): number {
  if (s.count === 0) {
    s.firstT = t;
    pos = putVarint(out, pos, zigzag(t));
  } else {
    const delta = t - s.lastT;
    pos = putVarint(out, pos, zigzag(s.count === 1 ? delta : delta - s.lastDelta));
    s.lastDelta = delta;
  }
  s.lastT = t;
  return pos;
}

function writeValue(s: EncoderState, out: Uint8Array, pos: number, v: number): number {
  readBits(v, bits);
  const hi = bits.hi;
  const lo = bits.lo;
  const xhi = (hi ^ s.prevHi) >>> 0;
  const xlo = (lo ^ s.prevLo) >>> 0;
  if (xhi === 0 && xlo === 0) {
    out[pos] = CONTROL_REPEAT;
    return pos + 1;
  }
  const lead = leadingZeroBytes(xhi, xlo);
  const trail = trailingZeroBytes(xhi, xlo);
  const scaled = writeScaled(s, out, pos, v, 8 - lead - trail);
  pos = scaled > 0 ? scaled : writeXor(out, pos, xhi, xlo, lead, trail);
  s.prevHi = hi;
  s.prevLo = lo;
  return pos;
}

/**
 * Writes `v` as a scaled integer when that is no longer than XOR's `xorPayload` bytes;
 * returns the position after it, or 0 when XOR is the better (or only) form.
 */
function writeScaled(s: EncoderState, out: Uint8Array, pos: number, v: number, xorPayload: number): number {
  const prev = fromBits(s.prevHi, s.prevLo);
  const current = scaledDelta(prev, v, s.scale);
  if (current < 0x80) {
    out[pos] = CONTROL_SHORT | current;
    return pos + 1;
  }
  let k = 0;
  let z = NaN;
  for (; k <= MAX_SCALE && Number.isNaN(z); k++) z = scaledDelta(prev, v, k);
  k--;
  if (!Number.isNaN(current) && !(varintLength(z) < varintLength(current))) {
    k = s.scale;
    z = current;
  }
  if (Number.isNaN(z) || varintLength(z) > xorPayload) return 0;
  out[pos] = CONTROL_SCALED + k;
  s.scale = k;
  return putVarint(out, pos + 1, z);
}

/** zigzag(m - prediction) at scale `k`, or NaN when `v` has no exact form there. */
function scaledDelta(prev: number, v: number, k: number): number {
  const m = scaledInteger(v, k);
  const delta = m - predictScaled(prev, k);
  return Math.abs(delta) <= MAX_SCALED_DELTA ? zigzag(delta) : NaN;
}

function writeXor(out: Uint8Array, pos: number, xhi: number, xlo: number, lead: number, trail: number): number {
  out[pos++] = CONTROL_XOR + lead * 8 + trail;
  for (let i = lead; i < 8 - trail; i++) out[pos++] = byteAt(xhi, xlo, i);
  return pos;
}
