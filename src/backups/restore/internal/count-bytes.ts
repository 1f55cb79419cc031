import { Transform, pipeline, type Readable } from 'node:stream';

/**
 * `source` passed through unchanged, calling `onBytes` with each chunk's length as it is read.
 * An error or early destroy on either side reaches the other.
 */
export function countBytes(source: Readable, onBytes: (bytes: number) => void): Readable {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  // The callback only keeps pipeline from throwing; whoever reads `counter` sees the error.
  pipeline(source, counter, () => undefined);
  return counter;
}
