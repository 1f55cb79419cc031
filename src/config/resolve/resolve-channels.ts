import type { ConfigPath, ProblemSink } from '../problems/path-problem.js';
import type { ChannelConfig } from '../resolved-channel-config.js';
import { DEFAULT_CHANNEL_TIMEOUT_MS } from '../schema/channels/channel-fields.js';
import { channelKinds } from '../schema/channels/channel-kinds.js';
import { inFileOrder } from './resolve-environment.js';

/** What resolving the channels needs besides `channels:` itself. */
export interface ChannelsContext {
  problems: ProblemSink;
  keyOrder: (path: ConfigPath) => string[];
  /** Receives the channels' credentials (tokens, webhook URLs) so they are redacted even when written literally. */
  secrets: string[];
}

/** Resolves `channels:` in file order, collecting each channel's credentials as secrets. */
export function resolveChannels(input: Record<string, Record<string, unknown>> | undefined, ctx: ChannelsContext): ChannelConfig[] {
  const channels: ChannelConfig[] = [];
  for (const name of inFileOrder(input ?? {}, ctx.keyOrder(['channels']))) {
    const raw = (input ?? {})[name] as Record<string, unknown>;
    const kind = channelKinds.find((k) => raw[k.key] !== undefined);
    if (!kind) throw new Error(`channel ${name} has no kind; the schema should have rejected it`);
    const settings = raw[kind.key] as { timeout?: number };
    const { part, secrets } = kind.resolve(settings, { name, path: ['channels', name, kind.key], problems: ctx.problems });
    ctx.secrets.push(...secrets);
    channels.push({ name, timeoutMs: settings.timeout ?? DEFAULT_CHANNEL_TIMEOUT_MS, ...part } as ChannelConfig);
  }
  return channels;
}
