import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import type { EmailChannelSpec } from '../../config/index.js';
import { NotifyError } from '../../errors.js';
import { createNotifier } from '../create-notifier.js';
import { refusedUrl, sampleNotification } from '../internal/notifier-test-kit.js';

let tls: { key: Buffer; cert: Buffer };
let tlsDir: string;
beforeAll(() => {
  tlsDir = mkdtempSync(join(tmpdir(), 'guardia-smtp-tls-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', join(tlsDir, 'key.pem'), '-out', join(tlsDir, 'cert.pem'),
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });
  tls = { key: readFileSync(join(tlsDir, 'key.pem')), cert: readFileSync(join(tlsDir, 'cert.pem')) };
});
afterAll(() => rmSync(tlsDir, { recursive: true, force: true }));

let server: SMTPServer | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

interface Received {
  mails: ParsedMail[];
  secured: boolean[];
  port: number;
}

/** A real SMTP server on loopback with STARTTLS (self-signed) and AUTH as alice/wonderland. */
async function startSmtp(options: Partial<SMTPServerOptions> = {}): Promise<Received> {
  const received: Received = { mails: [], secured: [], port: 0 };
  server = new SMTPServer({
    ...tls,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'alice' && auth.password === 'wonder/land') callback(null, { user: 'alice' });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.mails.push(mail);
          received.secured.push(session.secure);
          callback();
        })
        .catch(callback);
    },
    ...options,
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  received.port = (server.server.address() as AddressInfo).port;
  return received;
}

function emailChannel(spec: Partial<EmailChannelSpec> & { smtp: string }) {
  return {
    name: 'mail',
    kind: 'email' as const,
    timeoutMs: 10_000,
    email: { from: 'guardia <alerts@example.com>', to: ['oncall@example.com', 'ops@example.com'], starttls: true, insecureSkipVerify: true, ...spec },
  };
}

async function sendError(spec: Partial<EmailChannelSpec> & { smtp: string }): Promise<NotifyError> {
  const notifier = createNotifier('mail', emailChannel(spec), { clock: new FakeClock() });
  const error: unknown = await notifier.send(sampleNotification(), new AbortController().signal).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(NotifyError);
  return error as NotifyError;
}

describe('email notifier', () => {
  it('sends text and HTML over STARTTLS with AUTH', async () => {
    const smtp = await startSmtp();
    const notifier = createNotifier('mail', emailChannel({ smtp: `smtp://alice:wonder%2Fland@127.0.0.1:${smtp.port}` }), { clock: new FakeClock() });
    await notifier.send(sampleNotification(), new AbortController().signal);
    const mail = smtp.mails[0];
    expect(smtp.secured).toEqual([true]);
    expect(mail?.subject).toBe('[FIRING:2] HighErrorRate production');
    expect(mail?.from?.value).toEqual([{ name: 'guardia', address: 'alerts@example.com' }]);
    expect((Array.isArray(mail?.to) ? mail.to : [mail?.to]).map((to) => to?.text).join(', ')).toBe('oncall@example.com, ops@example.com');
    expect(mail?.text).toContain('FIRING: Errors on /api/orders > 5% <b>');
    expect(mail?.text).toContain('runbook: https://runbooks.example.com/high-error-rate');
    expect(mail?.html).toContain('<strong>Errors on /api/orders &gt; 5% &lt;b&gt;</strong>');
    expect(mail?.html).toContain('<a href="https://runbooks.example.com/high-error-rate">Runbook</a>');
  });

  it('links the one-click acknowledge when the alert has one', async () => {
    const smtp = await startSmtp();
    const notifier = createNotifier('mail', emailChannel({ smtp: `smtp://alice:wonder%2Fland@127.0.0.1:${smtp.port}` }), { clock: new FakeClock() });
    const alerts = sampleNotification().alerts.map((a) => ({ ...a, annotations: { ...a.annotations, ack_url: 'http://127.0.0.1:4680/ack/inc-1/ab12' } }));
    await notifier.send(sampleNotification({ alerts }), new AbortController().signal);
    expect(smtp.mails[0]?.text).toContain('acknowledge: http://127.0.0.1:4680/ack/inc-1/ab12');
    expect(smtp.mails[0]?.html).toContain('<a href="http://127.0.0.1:4680/ack/inc-1/ab12">Acknowledge</a>');
  });

  it('refuses a self-signed certificate unless insecure_skip_verify is set', async () => {
    const smtp = await startSmtp();
    const error = await sendError({ smtp: `smtp://alice:wonder%2Fland@127.0.0.1:${smtp.port}`, insecureSkipVerify: false });
    expect(error.message).toMatch(/^channel "mail" \(email\): /);
    expect(smtp.mails).toHaveLength(0);
  });

  it('refuses to send in clear text when starttls is required but not offered', async () => {
    const smtp = await startSmtp({ disabledCommands: ['STARTTLS'], authOptional: true });
    const error = await sendError({ smtp: `smtp://127.0.0.1:${smtp.port}` });
    expect(error.retryable).toBe(false);
    expect(smtp.mails).toHaveLength(0);
  });

  it('does not retry bad credentials and keeps the password out of the message', async () => {
    const smtp = await startSmtp();
    const error = await sendError({ smtp: `smtp://alice:wrong-password@127.0.0.1:${smtp.port}` });
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain('wrong-password');
    expect(error.message).toContain('535');
  });

  it('retries SMTP 4xx and not 5xx', async () => {
    let code = 451;
    const reject = (_address: unknown, _session: unknown, callback: (error?: Error) => void) =>
      callback(Object.assign(new Error(code === 451 ? 'Try again later' : 'No such user'), { responseCode: code }));
    const smtp = await startSmtp({ authOptional: true, onRcptTo: reject });
    const temporary = await sendError({ smtp: `smtp://127.0.0.1:${smtp.port}` });
    expect(temporary.retryable).toBe(true);
    expect(temporary.message).toContain('451');
    code = 550;
    const permanent = await sendError({ smtp: `smtp://127.0.0.1:${smtp.port}` });
    expect(permanent.retryable).toBe(false);
    expect(permanent.message).toContain('550');
  });

  it('retries when the server is unreachable', async () => {
    const port = new URL(await refusedUrl()).port;
    const error = await sendError({ smtp: `smtp://127.0.0.1:${port}` });
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('channel "mail" (email): cannot reach the SMTP server (ESOCKET)');
  });
});

describe('email notifier timeouts', () => {
  it('gives up after the timeout on the injected clock when the server never greets', async () => {
    const connected: Socket[] = [];
    const silent = createServer((socket) => connected.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const clock = new FakeClock();
      const port = (silent.address() as AddressInfo).port;
      const notifier = createNotifier('mail', emailChannel({ smtp: `smtp://127.0.0.1:${port}` }), { clock });
      const outcome = notifier.send(sampleNotification(), new AbortController().signal).then(() => undefined, (e: unknown) => e);
      while (connected.length === 0) await new Promise((resolve) => setImmediate(resolve));
      await clock.advance(10_000);
      const error = (await outcome) as NotifyError;
      expect(error).toBeInstanceOf(NotifyError);
      expect(error.retryable).toBe(true);
      expect(error.message).toBe('channel "mail" (email): no answer within 10000 ms');
    } finally {
      for (const socket of connected) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
