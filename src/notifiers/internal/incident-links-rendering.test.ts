import { describe, expect, it } from 'vitest';
import { buildDiscordPayload } from '../discord/discord-payload.js';
import { buildNtfyMessage } from '../ntfy/ntfy-message.js';
import { buildPagerdutyEvent } from '../pagerduty/pagerduty-event.js';
import { buildTeamsPayload } from '../teams/teams-payload.js';
import { buildTelegramText } from '../telegram/telegram-message.js';
import type { Notification } from '../notifier.js';
import { sampleNotification } from './notifier-test-kit.js';

const ACK = 'http://127.0.0.1:4680/ack/inc_1/3f2a';
const INCIDENT = 'http://127.0.0.1:4680/api/v1/incidents/inc_1';

/** A notification whose alerts belong to an open incident, as the incidents enricher leaves it. */
function inIncident(): Notification {
  const n = sampleNotification();
  return { ...n, alerts: n.alerts.map((a) => ({ ...a, annotations: { ...a.annotations, ack_url: ACK, incident_url: INCIDENT } })) };
}

describe('incident links in every channel', () => {
  it('gives Discord an Acknowledge and an Incident field per alert', () => {
    const payload = buildDiscordPayload(inIncident(), { webhook: 'http://x' }) as { embeds: { fields: { name: string; value: string }[] }[] };
    expect(payload.embeds[0]?.fields).toEqual(expect.arrayContaining([{ name: 'Acknowledge', value: `[Acknowledge](${ACK})` }, { name: 'Incident', value: `[Incident](${INCIDENT})` }]));
  });

  it('gives Teams buttons, once per incident, before "Open guardia"', () => {
    const card = (buildTeamsPayload(inIncident()) as { attachments: { content: { actions: { title: string; url: string }[] } }[] }).attachments[0]?.content;
    expect(card?.actions.slice(0, 3).map((a) => [a.title, a.url])).toEqual([['Acknowledge', ACK], ['Incident', INCIDENT], ['Open guardia', 'http://127.0.0.1:4680']]);
  });

  it('links them in Telegram HTML', () => {
    expect(buildTelegramText(inIncident())).toContain(`<a href="${ACK}">Acknowledge</a> · <a href="${INCIDENT}">Incident</a>`);
  });

  it('adds ntfy view actions', () => {
    const message = buildNtfyMessage(inIncident(), { url: 'http://x', topic: 't' }) as { actions: unknown[] };
    expect(message.actions).toEqual([{ action: 'view', label: 'Acknowledge', url: ACK }, { action: 'view', label: 'Incident', url: INCIDENT }]);
  });

  it('adds PagerDuty links after the runbook', () => {
    const event = buildPagerdutyEvent(inIncident(), 'key') as { links: { href: string; text: string }[] };
    expect(event.links).toEqual([
      { href: 'https://runbooks.example.com/high-error-rate', text: 'Runbook' },
      { href: ACK, text: 'Acknowledge' },
      { href: INCIDENT, text: 'Incident' },
    ]);
  });

  it('shows nothing extra for alerts outside an incident', () => {
    const plain = sampleNotification();
    expect(JSON.stringify(buildTeamsPayload(plain))).not.toContain('Acknowledge');
    expect(buildNtfyMessage(plain, { url: 'http://x', topic: 't' })).not.toHaveProperty('actions');
  });
});
