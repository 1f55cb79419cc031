import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/run-cli-capture.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { IncidentRepository } from '../../incidents/index.js';
import { openSqliteStore, storePathInDataDir } from '../../store/index.js';

const OPENED = Date.UTC(2026, 2, 1, 12);

/** A store under `<cwd>/state` holding one open SEV1 incident with a firing alert. */
async function seeded(): Promise<{ cwd: string; id: string }> {
  const cwd = tempDir();
  const store = await openSqliteStore(storePathInDataDir(join(cwd, 'state')));
  const repository = new IncidentRepository(store);
  const incident = await repository.create({
    title: 'api is down', severity: 'SEV1', env: 'production', runbook: null, openedAt: OPENED,
    escalation: { round: 0, step: 0, baseMs: OPENED, dueMs: OPENED + 900_000 },
  });
  await repository.putAlert(incident.id, {
    fingerprint: 'f00dfeedf00dfeed', rule: 'ServiceDown', severity: 'critical', state: 'firing',
    labels: { alertname: 'ServiceDown', env: 'production', severity: 'critical', probe: 'api' }, annotations: { summary: 'api is down' },
    firedAt: OPENED - 2_000, resolvedAt: null,
  });
  await repository.addEvent(incident.id, { at: OPENED, kind: 'opened', actor: 'guardia', text: 'SEV1 opened: ServiceDown in production fires (critical)' });
  await store.close();
  return { cwd, id: incident.id };
}

describe('guardia incident', () => {
  it('lists, acknowledges, assigns, notes and resolves with --as, then shows the timeline', async () => {
    const { cwd, id } = await seeded();
    const run = (...argv: string[]) => cli(['--data-dir', 'state', ...argv], { cwd, env: { GUARDIA_USER: 'dora' } });
    expect((await run('incident', 'list')).stdout).toMatch(new RegExp(`^ID .*\\n${id}\\s+SEV1\\s+open\\s+production\\s+.*-\\s+api is down\\n$`));
    expect(await run('incident', 'ack', id, '--as', 'alice')).toMatchObject({ code: 0, stdout: `${id} is acknowledged (by alice)\n` });
    expect((await run('incident', 'assign', id, 'carol')).stdout).toBe(`${id} assigned to carol\n`);
    expect((await run('incident', 'note', id, 'restarted', 'the', 'pod')).stdout).toBe('noted: restarted the pod\n');
    expect((await run('incident', 'resolve', id, 'bad', 'deploy', 'rolled', 'back')).stdout).toBe(`${id} is resolved (by dora)\n`);
    expect((await run('incident', 'list')).stdout).toBe('no incidents\n');
    const human = (await run('incident', 'show', id)).stdout.split('\n');
    expect(human.slice(0, 2)).toEqual([`${id}  SEV1  resolved  api is down`, 'opened 2026-03-01T12:00:00.000Z in production']);
    expect(human).toContain('assigned to carol');
    expect(human).toContain('  ServiceDown firing (critical)');
    const shown = JSON.parse((await run('incident', 'show', id, '--json')).stdout) as { status: string; timeline: { text: string; actor: string }[] };
    expect(shown.status).toBe('resolved');
    expect(shown.timeline.map((e) => `${e.actor}: ${e.text}`)).toEqual([
      'guardia: SEV1 opened: ServiceDown in production fires (critical)',
      'alice: acknowledged by alice',
      'dora: assigned to carol by dora',
      'dora: restarted the pod',
      'dora: resolved by dora: bad deploy rolled back',
    ]);
    expect(JSON.parse((await run('incident', 'list', '--status', 'all', '--json')).stdout)).toMatchObject({ incidents: [{ id, status: 'resolved', assignee: 'carol' }] });
  });

  it('marks a note --public for the status page; other notes stay internal', async () => {
    const { cwd, id } = await seeded();
    const run = (...argv: string[]) => cli(['--data-dir', 'state', ...argv], { cwd, env: { GUARDIA_USER: 'dora' } });
    expect((await run('incident', 'note', id, '--public', 'We are', 'investigating.')).stdout).toBe('noted: We are investigating.\n');
    await run('incident', 'note', id, 'restarted db-7');
    const shown = JSON.parse((await run('incident', 'show', id, '--json')).stdout) as { timeline: { kind: string; text: string; data?: unknown }[] };
    expect(shown.timeline.filter((e) => e.kind === 'note').map((e) => [e.text, e.data])).toEqual([
      ['We are investigating.', { public: true }],
      ['restarted db-7', undefined],
    ]);
  });

  it('writes a postmortem draft with summary, impact window, alerts, timeline and actions', async () => {
    const { cwd, id } = await seeded();
    const run = (...argv: string[]) => cli(['--data-dir', 'state', ...argv], { cwd, env: {} });
    await run('incident', 'ack', id, '--as', 'alice');
    await run('incident', 'note', id, 'rolled back', '--as', 'alice');
    const written = await run('incident', 'postmortem', id, '--out', 'pm.md');
    expect(written.stdout).toBe(`wrote postmortem draft of ${id} to pm.md\n`);
    const markdown = readFileSync(join(cwd, 'pm.md'), 'utf8');
    expect(markdown).toMatch(/^# Postmortem: api is down\n/);
    expect(markdown).toContain('- **Severity:** SEV1');
    expect(markdown).toContain('## Impact window\n\nFrom 2026-03-01T11:59:58.000Z to ');
    expect(markdown).toContain('| ServiceDown | critical | env=production, probe=api | 2026-03-01T11:59:58.000Z | — |');
    expect(markdown).toMatch(/## Timeline\n\n- 2026-03-01T12:00:00.000Z — SEV1 opened: ServiceDown in production fires \(critical\)\n- .* — acknowledged by alice \(alice\)/);
    expect(markdown).toMatch(/## Actions taken\n\n- .* alice: acknowledged by alice\n- .* alice: rolled back\n/);
    expect(markdown).toContain('## Follow-ups');
    expect((await run('incident', 'postmortem', id)).stdout).toMatch(/^# Postmortem/);
  });

  it('answers unknown incidents and bad options clearly', async () => {
    const cwd = tempDir();
    const run = (...argv: string[]) => cli(['--data-dir', 'state', ...argv], { cwd, env: {} });
    expect(await run('incident', 'ack', 'inc_nope')).toMatchObject({ code: 1, stderr: expect.stringMatching(/no incident "inc_nope"; list them with: guardia incident list/) });
    expect((await run('incident', 'list', '--status', 'bogus')).code).toBe(2);
    expect(existsSync(join(cwd, 'pm.md'))).toBe(false);
  });
});
