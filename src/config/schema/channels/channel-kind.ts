import type * as z from 'zod';
import type { ConfigPath, ProblemSink } from '../../problems/path-problem.js';
import type { ChannelCommon, ChannelConfig, ChannelKind } from '../../resolved-channel-config.js';

/** The kind-specific part of a resolved channel: `{ kind: 'slack', slack: {…} }`. */
export type ChannelKindPart = ChannelConfig extends infer C ? (C extends ChannelCommon ? Omit<C, keyof ChannelCommon> : never) : never;

/** What a kind's resolver may look at besides its own mapping. */
export interface ChannelKindContext {
  name: string;
  /** Path of the channel's kind mapping (`channels.ops.slack`), for problems. */
  path: ConfigPath;
  problems: ProblemSink;
}

/** What a kind's resolver returns: its part, and the values that must never be shown (tokens, signing keys). */
export interface ChannelKindResult {
  part: ChannelKindPart;
  secrets: string[];
}

/**
 * One kind of channel as the config sees it: the key that selects it, the schema of its
 * mapping, and how the validated mapping becomes the resolved spec. Adding a kind is one
 * file exporting one of these plus one line in `channel-kinds.ts`.
 */
export interface ChannelKindDefinition<Schema extends z.ZodType> {
  key: ChannelKind;
  schema: Schema;
  resolve(input: z.output<Schema>, ctx: ChannelKindContext): ChannelKindResult;
}

/** A channel kind with its input type erased, so kinds of different shapes share a registry. */
export interface AnyChannelKind {
  key: ChannelKind;
  schema: z.ZodType;
  resolve(input: unknown, ctx: ChannelKindContext): ChannelKindResult;
}

/** Declares a channel kind; the schema guarantees `resolve` only sees input it accepted. */
export function defineChannelKind<Schema extends z.ZodType>(definition: ChannelKindDefinition<Schema>): AnyChannelKind {
  return definition as unknown as AnyChannelKind;
}
