import type { ChannelConfig } from '../../config/index.js';
import { NotifyError } from '../../errors.js';
import type { NotifierDeps } from '../notifier-deps.js';
import type { Notification, Notifier } from '../notifier.js';
import { buildEmailMessage } from './email-message.js';
import { createSmtpMailer, type MailerFactory } from './smtp-mailer.js';

/** nodemailer's error codes that mean the server or the settings refused for good. */
const PERMANENT_CODES = new Set(['EAUTH', 'ETLS', 'EENVELOPE', 'EMESSAGE']);

/** Sends a text + HTML e-mail through SMTP. */
export class EmailNotifier implements Notifier {
  readonly kind = 'email';
  readonly channel: string;

  constructor(
    private readonly config: Extract<ChannelConfig, { kind: 'email' }>,
    private readonly deps: NotifierDeps,
    private readonly createMailer: MailerFactory = createSmtpMailer,
  ) {
    this.channel = config.name;
  }

  async send(notification: Notification, signal: AbortSignal): Promise<void> {
    const spec = this.config.email;
    const mailer = this.createMailer(spec);
    const where = `channel "${this.channel}" (email)`;
    const timeout = new AbortController();
    // The timeout runs on the injected clock, so tests advance time instead of waiting.
    const cancel = this.deps.clock.setTimer(this.config.timeoutMs, () => timeout.abort());
    try {
      await mailer.send(buildEmailMessage(notification, spec.from, spec.to), AbortSignal.any([signal, timeout.signal]));
    } catch (error) {
      if (timeout.signal.aborted) throw new NotifyError(`${where}: no answer within ${this.config.timeoutMs} ms`, true, { cause: error });
      if (signal.aborted) throw new NotifyError(`${where}: delivery cancelled`, true, { cause: error });
      throw this.toNotifyError(error, where);
    } finally {
      cancel();
      mailer.close();
    }
  }

  /** SMTP 4xx is "try later", 5xx "never": the same split as HTTP 5xx and 4xx. */
  private toNotifyError(error: unknown, where: string): NotifyError {
    const { code, responseCode, response } = (error ?? {}) as { code?: string; responseCode?: number; response?: string };
    const password = decodeURIComponent(new URL(this.config.email.smtp).password);
    const said = typeof response === 'string' ? response.replace(/\s+/g, ' ').slice(0, 200) : '';
    const detail = password ? said.split(password).join('***') : said;
    if (typeof responseCode === 'number') {
      return new NotifyError(`${where}: the SMTP server answered ${responseCode}${detail ? `: ${detail}` : ''}`, responseCode < 500, { cause: error });
    }
    if (code !== undefined && PERMANENT_CODES.has(code)) return new NotifyError(`${where}: ${describeCode(code)}`, false, { cause: error });
    return new NotifyError(`${where}: cannot reach the SMTP server (${code ?? 'network error'})`, true, { cause: error });
  }
}

function describeCode(code: string): string {
  if (code === 'EAUTH') return 'the SMTP server refused the credentials';
  if (code === 'ETLS') return 'the SMTP server does not offer STARTTLS but `starttls: true` requires it';
  return `the SMTP server refused the message (${code})`;
}
