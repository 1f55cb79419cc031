import { afterAll, describe, expect, it } from 'vitest';
import { loadText, MINIMAL, problemsOf, removeTempDirs } from '../../internal/config-test-kit.js';

afterAll(removeTempDirs);

const ENV = {
  SLACK_WEBHOOK: 'https://hooks.slack.com/services/T1/B1/secretpart',
  SMTP_URL: 'smtp://alice:s3cret-pass@mail.example.com:587',
  TG_TOKEN: '123456:ABCDEF',
};

describe('channels in guardia.yaml', () => {
  it('resolves every kind with its defaults, in file order', async () => {
    const config = await loadText(
      `${MINIMAL}channels:
  ops: { slack: { webhook: "\${SLACK_WEBHOOK}" } }
  oncall: { email: { to: oncall@example.com, smtp: "\${SMTP_URL}" } }
  hook:
    webhook: { url: "http://127.0.0.1:9000/alerts", secret: literal-signing-key, timeout: 2s }
  chat: { discord: { webhook: "https://discord.com/api/webhooks/1/x" } }
  teams: { teams: { webhook: "https://example.webhook.office.com/x" } }
  tg: { telegram: { bot_token: "\${TG_TOKEN}", chat_id: -100123 } }
  push: { ntfy: { topic: myapp-alerts } }
  pd: { pagerduty: { routing_key: R0UTING, api_url: "http://127.0.0.1:9001" } }
`,
      ENV,
    );
    expect(config.channels.map((c) => `${c.name}:${c.kind}`)).toEqual([
      'ops:slack', 'oncall:email', 'hook:webhook', 'chat:discord', 'teams:teams', 'tg:telegram', 'push:ntfy', 'pd:pagerduty',
    ]);
    expect(config.channels[1]).toEqual({
      name: 'oncall',
      kind: 'email',
      timeoutMs: 10_000,
      email: { smtp: ENV.SMTP_URL, from: 'guardia <guardia@localhost>', to: ['oncall@example.com'], starttls: false, insecureSkipVerify: false },
    });
    expect(config.channels[2]).toEqual({ name: 'hook', kind: 'webhook', timeoutMs: 2_000, webhook: { url: 'http://127.0.0.1:9000/alerts', secret: 'literal-signing-key', headers: {} } });
    expect(config.channels[5]).toMatchObject({ telegram: { botToken: ENV.TG_TOKEN, chatId: '-100123', apiUrl: 'https://api.telegram.org' } });
    expect(config.channels[6]).toMatchObject({ ntfy: { url: 'https://ntfy.sh', topic: 'myapp-alerts' } });
    expect(config.channels[7]).toMatchObject({ pagerduty: { routingKey: 'R0UTING', apiUrl: 'http://127.0.0.1:9001' } });
    // Credentials written literally are secrets too; the SMTP password is one on its own.
    expect(config.secrets).toEqual(expect.arrayContaining(['literal-signing-key', 'R0UTING', 's3cret-pass', ENV.SLACK_WEBHOOK, ENV.TG_TOKEN]));
  });

  it('reports bad channels at their file positions', async () => {
    const problems = await problemsOf(
      `${MINIMAL}channels:
  ops:
    slak: { webhook: "https://hooks.slack.com/x" }
  hook:
    webhook: { secret: x }
  oncall:
    email: { smtp: "smtp://mail.example.com", to: [oncall@example.com, not-an-address] }
  both:
    slack: { webhook: "https://hooks.slack.com/x" }
    discord: { webhook: "https://discord.com/x" }
  empty: {}
  tg:
    telegram: { bot_token: "", chat_id: 1, api_url: "ftp://x" }
  mail2:
    email: { smtp: "http://mail.example.com", to: oncall@example.com, from: nobody }
  push:
    ntfy: { topic: "my topic", timeout: 1ms }
`,
    );
    expect(problems).toEqual([
      'guardia.yaml:10:5 channels.ops.slak: unknown channel kind "slak"; did you mean "slack"?',
      'guardia.yaml:12:14 channels.hook.webhook: missing required key "url"',
      'guardia.yaml:14:72 channels.oncall.email.to[1]: expected an e-mail address like "oncall@example.com", got "not-an-address"',
      'guardia.yaml:16:5 channels.both: has "slack" and "discord": a channel is one kind; define one channel per kind',
      'guardia.yaml:18:10 channels.empty: missing the channel kind: add one of "webhook", "slack", "discord", "teams", "email", "telegram", "ntfy", "pagerduty"',
      'guardia.yaml:20:28 channels.tg.telegram.bot_token: expected a bot token like "123456:ABC-DEF…", got ""',
      'guardia.yaml:20:53 channels.tg.telegram.api_url: expected an absolute http(s) URL like "https://api.telegram.org", got "ftp://x"',
      'guardia.yaml:22:20 channels.mail2.email.smtp: expected an SMTP URL like "smtp://user:pass@mail.example.com:587", got "http://mail.example.com"',
      'guardia.yaml:22:77 channels.mail2.email.from: expected an e-mail address like "oncall@example.com", got "nobody"',
      'guardia.yaml:24:20 channels.push.ntfy.topic: expected a topic made of letters, digits, "_" and "-", got "my topic"',
      'guardia.yaml:24:41 channels.push.ntfy.timeout: expected a duration of at least 100ms, got "1ms"',
    ]);
  });
});
