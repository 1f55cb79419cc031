import type { SendMailOptions, Transporter } from 'nodemailer';
import type { EmailChannelSpec } from '../../config/index.js';
import type { MailMessage } from './email-message.js';

/** The narrow part of an SMTP client the e-mail notifier needs. */
export interface Mailer {
  /** Sends one message; aborting the signal drops the connection. */
  send(message: MailMessage, signal: AbortSignal): Promise<void>;
  close(): void;
}

/** Creates a Mailer for one delivery, from the channel's `smtp:` URL and TLS settings. */
export type MailerFactory = (spec: EmailChannelSpec) => Mailer;

/** nodemailer over SMTP: `smtps:` is TLS from the start, `smtp:` upgrades with STARTTLS when offered (or must, with `starttls`). */
export const createSmtpMailer: MailerFactory = (spec) => {
  const url = new URL(spec.smtp);
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  const options = {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: spec.starttls,
    ...(user ? { auth: { user, pass: decodeURIComponent(url.password) } } : {}),
    tls: { rejectUnauthorized: !spec.insecureSkipVerify },
  };
  let transport: Transporter | undefined;
  return {
    async send(message, signal) {
      // Loaded on first use: most processes never send e-mail, and nodemailer is slow to import.
      const { default: nodemailer } = await import('nodemailer');
      transport ??= nodemailer.createTransport(options);
      // nodemailer ≥ 8 takes `signal` with the message; its published types predate it.
      await transport.sendMail({ ...message, signal } as SendMailOptions);
    },
    close() {
      transport?.close();
    },
  };
};
