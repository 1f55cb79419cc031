import type { Clock } from '../clock/index.js';
import type { IncidentsConfig } from '../config/index.js';
import { InvalidRequestError, NotFoundError } from '../errors.js';
import { readRunbook, type Runbook, type StepResult } from '../runbooks/index.js';
import type { Tsdb } from '../tsdb/index.js';
import type { Incident, IncidentDetail, IncidentStatus, TimelineEntry } from './incident.js';
import type { IncidentRepository } from './incident-repository.js';
import { notificationTimeline } from './internal/notification-timeline.js';

/** The tsdb target owning the incident series. */
const METRICS_TARGET = 'guardia/incidents';

export interface IncidentServiceDeps {
  repository: IncidentRepository;
  clock: Clock;
  /** Response targets; absent in commands that run without a config. */
  config?: IncidentsConfig;
  /** Where `guardia_incident_mtta_seconds` / `guardia_incident_mttr_seconds` go. */
  tsdb?: Tsdb;
}

/** An incident with its runbook's steps, as `GET /api/v1/incidents/:id` shows it. */
export interface IncidentView extends IncidentDetail {
  runbookSteps: { index: number; title: string; command: string }[] | null;
}

/** Acknowledge, resolve, assign, note and look: what the CLI, the API and the ack link share. */
export class IncidentService {
  constructor(private readonly deps: IncidentServiceDeps) {}

  list(options: { status?: IncidentStatus | 'all'; limit?: number } = {}): Promise<Incident[]> {
    return this.deps.repository.list(options);
  }

  async get(id: string): Promise<Incident> {
    const incident = await this.deps.repository.get(id);
    if (!incident) throw new NotFoundError(`no incident "${id}"; list them with: guardia incident list`);
    return incident;
  }

  /** The incident, its alerts, and its timeline (own events plus the notifications sent for its alerts). */
  async detail(id: string): Promise<IncidentDetail> {
    const incident = await this.get(id);
    const { repository } = this.deps;
    const alerts = await repository.alerts(id);
    const sent = await notificationTimeline(repository.store, incident, alerts, this.deps.clock.now());
    const timeline = [...(await repository.events(id)), ...sent].sort((a, b) => a.at - b.at);
    const respondMs = this.deps.config?.severities[incident.severity].respondMs;
    return { ...incident, alerts, timeline, respondBy: respondMs === undefined ? null : incident.openedAt + respondMs };
  }

  /** `detail` plus the runbook's steps when it is a readable file. */
  async view(id: string): Promise<IncidentView> {
    const detail = await this.detail(id);
    let runbook: Runbook | undefined;
    if (detail.runbook && !/^https?:\/\//i.test(detail.runbook)) runbook = await readRunbook(detail.runbook).catch(() => undefined);
    return { ...detail, runbookSteps: runbook ? runbook.steps.map((s) => ({ index: s.index, title: s.title, command: s.command })) : null };
  }

  /** Acknowledges (stopping escalation); acknowledging again changes nothing. */
  async acknowledge(id: string, actor: string): Promise<Incident> {
    const incident = await this.get(id);
    const now = this.deps.clock.now();
    if (await this.deps.repository.acknowledge(id, actor, now)) {
      await this.event(id, { at: now, kind: 'acknowledged', actor, text: `acknowledged by ${actor}` });
      this.record('guardia_incident_mtta_seconds', 'Seconds from opening to acknowledgement of the last acknowledged incident.', incident, now);
    }
    return this.get(id);
  }

  /** Resolves (stopping escalation); resolving again changes nothing. */
  async resolve(id: string, actor: string, note?: string): Promise<Incident> {
    const incident = await this.get(id);
    const now = this.deps.clock.now();
    if (await this.deps.repository.resolve(id, actor, now)) {
      await this.event(id, { at: now, kind: 'resolved', actor, text: note ? `resolved by ${actor}: ${note}` : `resolved by ${actor}` });
      this.record('guardia_incident_mttr_seconds', 'Seconds from opening to resolution of the last resolved incident.', incident, now);
    }
    return this.get(id);
  }

  async assign(id: string, assignee: string, actor: string): Promise<Incident> {
    if (!assignee.trim()) throw new InvalidRequestError('expected a name to assign the incident to');
    await this.get(id);
    await this.deps.repository.assign(id, assignee);
    await this.event(id, { at: this.deps.clock.now(), kind: 'assigned', actor, text: `assigned to ${assignee} by ${actor}` });
    return this.get(id);
  }

  /** Adds a note; `public` ones are also shown as updates on the environment's status page (`data.public`). */
  async note(id: string, text: string, actor: string, options: { public?: boolean } = {}): Promise<TimelineEntry> {
    if (!text.trim()) throw new InvalidRequestError('expected the text of the note');
    await this.get(id);
    const entry: TimelineEntry = { at: this.deps.clock.now(), kind: 'note', actor, text, ...(options.public === true ? { data: { public: true } } : {}) };
    await this.event(id, entry);
    return entry;
  }

  /** Records one runbook step (command, exit status, output) in the timeline. */
  async recordStep(id: string, runbook: string, result: StepResult, actor: string): Promise<void> {
    const status = result.exitCode === 0 ? 'ok' : `failed (exit ${result.exitCode})`;
    await this.event(id, {
      at: this.deps.clock.now(),
      kind: 'runbook_step',
      actor,
      text: `runbook step ${result.step.index} "${result.step.title}" ${status}`,
      data: { runbook, step: result.step.index, command: result.command, exitCode: result.exitCode, output: result.output, durationMs: result.durationMs },
    });
  }

  private event(id: string, entry: TimelineEntry): Promise<void> {
    return this.deps.repository.addEvent(id, entry);
  }

  private record(name: string, help: string, incident: Incident, now: number): void {
    const labels = { severity: incident.severity, ...(incident.env ? { env: incident.env } : {}) };
    this.deps.tsdb?.append(METRICS_TARGET, [{ name, labels, t: now, v: (now - incident.openedAt) / 1000, type: 'gauge', help }]);
  }
}
