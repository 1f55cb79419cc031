import { InvalidRequestError } from '../../../errors.js';
import { ByteWriter, varintLength, zigzag } from './byte-writer.js';
import {
  CHUNK_FORMAT_VERSION, CONTROL_REPEAT, CONTROL_SCALED, CONTROL_SHORT, CONTROL_XOR,
  MAX_ABS_TIME, MAX_SCALED_DELTA,
} from './chunk-format.js';
import { MAX_SCALE, predictScaled, scaledInteger } from './decimal-scale.js';
import { type FloatBits, byteAt, leadingZeroBytes, readBits, trailingZeroBytes } from './float-bits.js';

const bits: FloatBits = { hi: 0, lo: 0 };

/**
 * Appends samples of one series to a chunk (format in `chunk-format.ts`), one sample at a
 * time and without per-sample allocation. Timestamps must strictly increase.
 */
export class ChunkEncoder {
  private readonly out = new ByteWriter();
  private samples = 0;
  private first = 0;
  private last = 0;
  private lastDelta = 0;
  private prevHi = 0;
  private prevLo = 0;
  private prevValue = 0;
  private scale = 0;

  constructor() {
    this.out.writeByte(CHUNK_FORMAT_VERSION);
  }

  get count(): number {
    return this.samples;
  }

  /** Time of the first sample (meaningless while `count` is 0). */
  get firstT(): number {
    return this.first;
  }

  get lastT(): number {
    return this.last;
  }

  get byteLength(): number {
    return this.out.length;
  }

  /** The encoded chunk so far; a stable snapshot, later appends do not change it. */
  bytes(): Uint8Array {
    return this.out.view();
  }

  append(t: number, v: number): void {
    if (!Number.isSafeInteger(t) || Math.abs(t) > MAX_ABS_TIME) {
      throw new InvalidRequestError(`sample time ${t} is not an epoch-ms integer`);
    }
    if (this.samples > 0 && t <= this.last) {
      throw new InvalidRequestError(`sample time ${t} is not after the previous sample (${this.last})`);
    }
    this.writeTime(t);
    this.writeValue(v);
    this.samples++;
  }

  private writeTime(t: number): void {
    if (this.samples === 0) {
      this.first = t;
      this.out.writeZigzag(t);
    } else {
      const delta = t - this.last;
      this.out.writeZigzag(this.samples === 1 ? delta : delta - this.lastDelta);
      this.lastDelta = delta;
    }
    this.last = t;
  }

  private writeValue(v: number): void {
    readBits(v, bits);
    const xhi = (bits.hi ^ this.prevHi) >>> 0;
    const xlo = (bits.lo ^ this.prevLo) >>> 0;
    if (xhi === 0 && xlo === 0) {
      this.out.writeByte(CONTROL_REPEAT);
      return;
    }
    const lead = leadingZeroBytes(xhi, xlo);
    const trail = trailingZeroBytes(xhi, xlo);
    if (!this.writeScaled(v, 8 - lead - trail)) this.writeXor(xhi, xlo, lead, trail);
    this.prevHi = bits.hi;
    this.prevLo = bits.lo;
    this.prevValue = v;
  }

  /** Writes `v` as a scaled integer when that is no longer than XOR's `xorPayload` bytes. */
  private writeScaled(v: number, xorPayload: number): boolean {
    const current = this.scaledDelta(v, this.scale);
    if (current < 0x80) {
      this.out.writeByte(CONTROL_SHORT | current);
      return true;
    }
    let k = 0;
    let z = NaN;
    for (; k <= MAX_SCALE && Number.isNaN(z); k++) z = this.scaledDelta(v, k);
    k--;
    if (!Number.isNaN(current) && !(varintLength(z) < varintLength(current))) {
      k = this.scale;
      z = current;
    }
    if (Number.isNaN(z) || varintLength(z) > xorPayload) return false;
    this.out.writeByte(CONTROL_SCALED + k);
    this.out.writeVarint(z);
    this.scale = k;
    return true;
  }

  /** zigzag(m - prediction) at scale `k`, or NaN when `v` has no exact form there. */
  private scaledDelta(v: number, k: number): number {
    const m = scaledInteger(v, k);
    const predicted = predictScaled(this.prevValue, k);
    const delta = m - predicted;
    return Math.abs(delta) <= MAX_SCALED_DELTA ? zigzag(delta) : NaN;
  }

  private writeXor(xhi: number, xlo: number, lead: number, trail: number): void {
    this.out.writeByte(CONTROL_XOR + lead * 8 + trail);
    for (let i = lead; i < 8 - trail; i++) this.out.writeByte(byteAt(xhi, xlo, i));
  }
}
