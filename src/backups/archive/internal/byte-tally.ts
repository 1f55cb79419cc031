import { createHash } from 'node:crypto';
import type { Stage } from './process-stage.js';

/** sha256 and byte count of the bytes that pass through `stage`, read once they have all passed. */
export class ByteTally {
  private readonly hash = createHash('sha256');
  size = 0;

  /** A pass-through stage that counts and hashes. */
  readonly stage: Stage = (source) => this.pass(source);

  add(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.size += chunk.length;
  }

  private async *pass(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      this.add(chunk);
      yield chunk;
    }
  }

  /** Lowercase hex; call once, after the last byte. */
  digest(): string {
    return this.hash.digest('hex');
  }
}
