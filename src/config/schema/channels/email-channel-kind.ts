import { booleanField } from '../internal/boolean-field.js';
import { optional } from '../internal/optional-field.js';
import { urlField } from '../internal/url-field.js';
import { channelMapping, emailAddressField, emailAddressList } from './channel-fields.js';
import { defineChannelKind } from './channel-kind.js';

/** Sender when `from` is not set. */
export const DEFAULT_EMAIL_FROM = 'guardia <guardia@localhost>';

const schema = channelMapping(
  {
    smtp: urlField(['smtp:', 'smtps:'], 'an SMTP URL like "smtp://user:pass@mail.example.com:587"').describe(
      '`smtp://[user:pass@]host[:port]` (port 587 by default, STARTTLS when offered) or `smtps://…` (TLS from the start, port 465). Usually `${SMTP_URL}`.',
    ),
    to: emailAddressList.describe('Recipients: one address or a list.'),
    from: optional(emailAddressField).describe(`Sender, e.g. \`guardia <alerts@example.com>\`. Default: \`${DEFAULT_EMAIL_FROM}\`.`),
    starttls: optional(booleanField()).describe('true: refuse to send unless the server upgrades the connection with STARTTLS. Default: false (upgrade when offered).'),
    insecure_skip_verify: optional(booleanField()).describe("Accept an invalid or self-signed server certificate. Default: false."),
  },
  'a mapping like { smtp: "smtp://mail.example.com:587", to: [oncall@example.com] }',
).describe('E-mail through an SMTP server: text and HTML bodies, subject like `[FIRING:2] HighErrorRate production`.');

/** `email:` channels. */
export const emailChannelKind = defineChannelKind({
  key: 'email',
  schema,
  resolve(input) {
    const email = {
      smtp: input.smtp,
      from: input.from ?? DEFAULT_EMAIL_FROM,
      to: input.to,
      starttls: input.starttls ?? false,
      insecureSkipVerify: input.insecure_skip_verify ?? false,
    };
    const password = decodeURIComponent(new URL(input.smtp).password);
    return { part: { kind: 'email', email }, secrets: password ? [password] : [] };
  },
});
