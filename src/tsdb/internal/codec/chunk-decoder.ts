import { ByteReader, corrupt } from './byte-reader.js';
import { unzigzag } from './varint.js';
import { CHUNK_FORMAT_VERSION, CONTROL_SCALED, CONTROL_SHORT, CONTROL_XOR } from './chunk-format.js';
import { POW10, MAX_SCALE, predictScaled } from './decimal-scale.js';
import { type FloatBits, fromBits, readBits } from './float-bits.js';

const bits: FloatBits = { hi: 0, lo: 0 };

/**
 * Reads a chunk sample by sample: `while (d.next()) use(d.t, d.v)`. No allocation per
 * sample; throws `UnavailableError` on corrupt data.
 */
export class ChunkDecoder {
  /** Time of the current sample. */
  t = 0;
  /** Value of the current sample. */
  v = 0;
  private readonly in: ByteReader;
  private index = 0;
  private delta = 0;
  private hi = 0;
  private lo = 0;
  private scale = 0;

  constructor(bytes: Uint8Array) {
    this.in = new ByteReader(bytes);
    const version = this.in.done ? -1 : this.in.readByte();
    if (version !== CHUNK_FORMAT_VERSION) throw corrupt(`unknown chunk format ${version}`);
  }

  next(): boolean {
    if (this.in.done) return false;
    this.readTime();
    this.readValue();
    this.index++;
    return true;
  }

  private readTime(): void {
    const n = this.in.readZigzag();
    if (this.index === 0) {
      this.t = n;
      return;
    }
    this.delta = this.index === 1 ? n : this.delta + n;
    if (this.delta <= 0) throw corrupt('timestamps not increasing');
    this.t += this.delta;
  }

  private readValue(): void {
    const control = this.in.readByte();
    if (control === 0) return;
    if (control >= CONTROL_SHORT) return this.setScaled(this.scale, unzigzag(control & 0x7f));
    if (control < CONTROL_XOR) {
      const k = control - CONTROL_SCALED;
      if (k > MAX_SCALE) throw corrupt(`bad scale ${k}`);
      this.scale = k;
      return this.setScaled(k, unzigzag(this.in.readVarint()));
    }
    this.readXor(control - CONTROL_XOR);
  }

  private setScaled(k: number, delta: number): void {
    const predicted = predictScaled(this.v, k);
    if (Number.isNaN(predicted)) throw corrupt('scaled value after a non-finite one');
    this.v = (predicted + delta) / (POW10[k] as number);
    readBits(this.v, bits);
    this.hi = bits.hi;
    this.lo = bits.lo;
  }

  private readXor(code: number): void {
    const lead = code >> 3;
    const trail = code & 7;
    if (lead + trail > 7) throw corrupt(`bad control byte ${code + CONTROL_XOR}`);
    let xhi = 0;
    let xlo = 0;
    for (let i = lead; i < 8 - trail; i++) {
      const b = this.in.readByte();
      if (i < 4) xhi |= b << (24 - 8 * i);
      else xlo |= b << (56 - 8 * i);
    }
    this.hi = (this.hi ^ xhi) >>> 0;
    this.lo = (this.lo ^ xlo) >>> 0;
    this.v = fromBits(this.hi, this.lo);
  }
}
