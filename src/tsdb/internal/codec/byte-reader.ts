import { UnavailableError } from '../../../errors.js';
import { unzigzag } from './varint.js';

/** Reads what `putVarint` wrote; a truncated or overlong varint means a corrupt chunk. */
export class ByteReader {
  pos = 0;

  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  readByte(): number {
    const b = this.bytes[this.pos++];
    if (b === undefined) throw corrupt('unexpected end of data');
    return b;
  }

  readVarint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.readByte();
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 0x80;
    }
    throw corrupt('varint longer than 8 bytes');
  }

  readZigzag(): number {
    return unzigzag(this.readVarint());
  }
}

export function corrupt(detail: string): UnavailableError {
  return new UnavailableError(`tsdb chunk data is corrupt (${detail}); restore the store from a backup`);
}
