import type { SecretRule } from './secret-scan.js';

// `NAME = value`, `NAME: value`, `"NAME": "value"`, `NAME := value`, `NAME => value`, quotes optional.
const ASSIGN = `["'\`]?\\s*(?:=|:=|:|=>)\\s*["'\`]?`;
// Names ending in `id` (`private_key_id`, `access_key_id`) hold identifiers, not secrets.
const GENERIC_NAME = '[\\w.-]*(?:secret|token|password|passwd|pwd|api[_-]?key|private[_-]?key|access[_-]?key|auth[_-]?key)(?:[\\w.-]*(?<![_.-]?id))?';
const DB_SCHEMES = 'postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?';
const NOT_TOKEN = '(?![A-Za-z0-9_-])';
const EOL = '(?:\\\\n|\\r?\\n)'; // a real line break or the `\n` escape of a JSON string

/**
 * The credentials guardia recognises, most specific first: when two rules match the same
 * text only the first one reports it, so the generic assignment rule comes last.
 */
export const SECRET_RULES: readonly SecretRule[] = [
  {
    id: 'gcp-service-account-key',
    title: 'Google Cloud service account key',
    pattern: new RegExp(`"private_key"\\s*:\\s*"-----BEGIN PRIVATE KEY-----\\\\n[A-Za-z0-9+/=]{40,}`, 'g'),
    display: 'first-line',
    keepPlaceholders: true,
  },
  {
    id: 'private-key',
    title: 'Private key',
    // The header must be followed by key material so that docs quoting the header alone stay quiet.
    pattern: new RegExp(`-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----${EOL}(?:[A-Za-z-]+: [^\\r\\n]*${EOL})*${EOL}?[A-Za-z0-9+/=]{40,}`, 'g'),
    display: 'first-line',
    keepPlaceholders: true,
  },
  {
    id: 'aws-access-key-id',
    title: 'AWS access key id',
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
    display: 'secret',
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    pattern: new RegExp(`(?:aws_?secret_?(?:access_?)?key|secret_?access_?key)${ASSIGN}(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`, 'gi'),
    display: 'secret',
  },
  {
    id: 'azure-storage-connection-string',
    title: 'Azure storage connection string',
    pattern: /DefaultEndpointsProtocol=https?;AccountName=[A-Za-z0-9]+;AccountKey=(?<secret>[A-Za-z0-9+/]{60,}={0,2})/g,
    display: 'match',
  },
  {
    id: 'database-url-password',
    title: 'Database URL with a password',
    pattern: new RegExp(`\\b(?:${DB_SCHEMES})://[^:/\\s@"'<>]+:(?<secret>[^@/\\s"'<>]+)@[\\w.:%[\\]-]*`, 'g'),
    display: 'match',
    urlPassword: true,
  },
  {
    id: 'slack-webhook',
    title: 'Slack incoming webhook URL',
    pattern: /https:\/\/hooks\.slack\.com\/services\/(?<secret>T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,})/g,
    display: 'match',
  },
  {
    id: 'discord-webhook',
    title: 'Discord webhook URL',
    pattern: /https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api\/webhooks\/(?<secret>\d{15,20}\/[A-Za-z0-9_-]{50,})/g,
    display: 'match',
  },
  {
    id: 'teams-webhook',
    title: 'Microsoft Teams webhook URL',
    pattern: /https:\/\/[a-z0-9-]+\.webhook\.office\.com\/webhookb2\/(?<secret>[A-Za-z0-9@/-]{40,})/g,
    display: 'match',
  },
  {
    id: 'github-token',
    title: 'GitHub token',
    pattern: new RegExp(`\\b(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{70,})${NOT_TOKEN}`, 'g'),
    display: 'secret',
  },
  {
    id: 'stripe-secret-key',
    title: 'Stripe secret or restricted key (live or test)',
    pattern: new RegExp(`\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,}${NOT_TOKEN}`, 'g'),
    display: 'secret',
  },
  {
    id: 'slack-token',
    title: 'Slack token',
    pattern: new RegExp(`\\b(?:xox[abposr]-[A-Za-z0-9-]{10,}|xapp-\\d-[A-Z0-9]+-\\d+-[a-f0-9]{20,})${NOT_TOKEN}`, 'g'),
    display: 'secret',
  },
  {
    id: 'npm-token',
    title: 'npm access token',
    pattern: new RegExp(`\\bnpm_[A-Za-z0-9]{36}${NOT_TOKEN}`, 'g'),
    display: 'secret',
  },
  {
    id: 'sendgrid-api-key',
    title: 'SendGrid API key',
    pattern: new RegExp(`\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}${NOT_TOKEN}`, 'g'),
    display: 'secret',
  },
  {
    id: 'twilio-api-key',
    title: 'Twilio API key',
    pattern: new RegExp(`\\bSK[0-9a-f]{32}${NOT_TOKEN}`, 'g'),
    display: 'secret',
  },
  {
    id: 'generic-secret',
    title: 'High-entropy value assigned to a secret-looking name',
    pattern: new RegExp(`(?<![\\w.-])${GENERIC_NAME}${ASSIGN}(?<secret>[^\\s"'\`,;]+)`, 'gi'),
    display: 'secret',
    entropy: { minLength: 12, minBits: 3 },
  },
];
