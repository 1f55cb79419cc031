import type { Stage } from './process-stage.js';

/** `source` passed through each stage in turn: the output of the last one. */
export function chainStages(source: AsyncIterable<Uint8Array>, stages: readonly Stage[]): AsyncIterable<Uint8Array> {
  return stages.reduce<AsyncIterable<Uint8Array>>((input, stage) => stage(input), source);
}
