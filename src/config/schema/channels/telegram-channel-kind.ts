import { optional } from '../internal/optional-field.js';
import { channelMapping, httpUrlField, textField } from './channel-fields.js';
import { defineChannelKind } from './channel-kind.js';

/** The Bot API's home; tests and proxies set `api_url`. */
export const DEFAULT_TELEGRAM_API_URL = 'https://api.telegram.org';

const schema = channelMapping(
  {
    bot_token: textField('a bot token like "123456:ABC-DEF…"').describe('The bot token from @BotFather, usually `${TELEGRAM_BOT_TOKEN}`.'),
    chat_id: textField('a chat id like "-1001234567890" or "@channel"').describe('Chat, group or channel to post to.'),
    api_url: optional(httpUrlField(DEFAULT_TELEGRAM_API_URL)).describe(`Bot API base URL. Default: ${DEFAULT_TELEGRAM_API_URL}.`),
  },
  'a mapping like { bot_token: "${TELEGRAM_BOT_TOKEN}", chat_id: "-100123" }',
).describe('Telegram through the Bot API (sendMessage, HTML).');

/** `telegram:` channels. */
export const telegramChannelKind = defineChannelKind({
  key: 'telegram',
  schema,
  resolve(input) {
    const telegram = { botToken: input.bot_token, chatId: input.chat_id, apiUrl: input.api_url ?? DEFAULT_TELEGRAM_API_URL };
    return { part: { kind: 'telegram', telegram }, secrets: [input.bot_token] };
  },
});
