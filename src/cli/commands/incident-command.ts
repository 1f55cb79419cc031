import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { writeFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { renderPostmortem, span, type Incident, type IncidentDetail, type IncidentStatus } from '../../incidents/index.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { ago, emit, table } from '../output.js';
import { withIncidentStore, type IncidentStore } from './incident-store.js';

const STATUSES = ['open', 'acknowledged', 'resolved', 'all'];

/** `guardia incident list|show|ack|resolve|assign|note|postmortem`: the same actions as `/api/v1/incidents`, on the store. */
export function registerIncidentCommand(program: CommandUnknownOpts, io: CliIo): void {
  const incident = program.command('incident').description('incidents opened from firing alerts: look, acknowledge, resolve, assign, note, postmortem');
  incident
    .command('list')
    .description('list incidents (default: those not resolved)')
    .option('--status <status>', `only ${STATUSES.join(', ')}`)
    .action(async (opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      if (opts.status !== undefined && !STATUSES.includes(opts.status)) throw new UsageError(`unknown --status "${opts.status}": use ${STATUSES.join(', ')}`);
      await withIncidentStore(io, options, async ({ incidents, ctx }) => {
        const list = await incidents.list(opts.status === undefined ? {} : { status: opts.status as IncidentStatus | 'all' });
        emit(io, options, { incidents: list }, () => (list.length === 0 ? ['no incidents'] : incidentTable(list, ctx.clock.now())));
      });
    });
  incident
    .command('show')
    .description('show an incident: alerts, runbook and timeline')
    .argument('<id>', 'incident id, from incident list')
    .action(async (id, _opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      await withIncidentStore(io, options, async ({ incidents }) => {
        const view = await incidents.view(id);
        emit(io, options, view, () => showLines(view));
      });
    });
  const action = (
    name: string,
    description: string,
    run: (deps: { id: string; arg: string; actor: string; opts: Record<string, unknown> }, svc: IncidentStore) => Promise<unknown>,
    argument?: [string, string],
    option?: [string, string],
  ) => {
    const cmd = incident.command(name).description(description).argument('<id>', 'incident id, from incident list');
    if (argument) cmd.argument(...argument);
    if (option) cmd.option(...option);
    cmd.action(async (...args: unknown[]) => {
      const command = args[args.length - 1] as CommandUnknownOpts;
      const options = command.optsWithGlobals() as GlobalOptions;
      const [id, arg] = args as [string, string[] | string | undefined];
      await withIncidentStore(io, options, async (deps) => {
        const result = await run({ id, arg: Array.isArray(arg) ? arg.join(' ') : (arg ?? ''), actor: deps.actor, opts: command.opts() }, deps);
        emit(io, options, result, () => [actionLine(name, result as Incident)]);
      });
    });
  };
  action('ack', 'acknowledge: stops escalation (--as NAME or GUARDIA_USER)', ({ id, actor }, { incidents }) => incidents.acknowledge(id, actor));
  action('resolve', 'resolve by hand, with an optional note', ({ id, arg, actor }, { incidents }) => incidents.resolve(id, actor, arg || undefined), ['[note...]', 'why']);
  action('assign', 'assign to someone', ({ id, arg, actor }, { incidents }) => incidents.assign(id, arg, actor), ['<assignee>', 'who takes it']);
  action('note', 'add a note to the timeline (--public: also an update on the status page)', ({ id, arg, actor, opts }, { incidents }) =>
    incidents.note(id, arg, actor, { public: opts.public === true }), ['<text...>', 'the note'], ['--public', 'show the note on the public status page']);
  incident
    .command('postmortem')
    .description('write a markdown postmortem draft (timeline, impact window, alerts, actions)')
    .argument('<id>', 'incident id, from incident list')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (id, opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      await withIncidentStore(io, options, async ({ incidents, ctx }) => {
        const markdown = renderPostmortem(await incidents.detail(id), ctx.clock.now());
        if (opts.out === undefined) return io.stdout(markdown);
        const path = isAbsolute(opts.out) ? opts.out : resolve(io.cwd, opts.out);
        await writeFile(path, markdown);
        emit(io, options, { incident: id, file: path }, () => [`wrote postmortem draft of ${id} to ${opts.out}`]);
      });
    });
}

function actionLine(name: string, result: Incident | { text: string }): string {
  if (name === 'note') return `noted: ${(result as { text: string }).text}`;
  const incident = result as Incident;
  if (name === 'assign') return `${incident.id} assigned to ${incident.assignee ?? '?'}`;
  if (incident.status === 'resolved') return `${incident.id} is resolved (by ${incident.resolvedBy ?? '?'})`;
  return `${incident.id} is ${incident.status}${incident.ackedBy ? ` (by ${incident.ackedBy})` : ''}`;
}

function incidentTable(list: Incident[], now: number): string[] {
  return table([
    ['ID', 'SEV', 'STATUS', 'ENV', 'OPENED', 'ASSIGNEE', 'TITLE'],
    ...list.map((i) => [i.id, i.severity, i.status, i.env ?? '-', ago(i.openedAt, now), i.assignee ?? '-', i.title]),
  ]);
}

function showLines(view: IncidentDetail & { runbookSteps: { index: number; title: string }[] | null }): string[] {
  const lines = [
    `${view.id}  ${view.severity}  ${view.status}  ${view.title}`,
    `opened ${new Date(view.openedAt).toISOString()}${view.env ? ` in ${view.env}` : ''}${view.respondBy ? `, respond by ${new Date(view.respondBy).toISOString()}` : ''}`,
  ];
  if (view.ackedAt !== null) lines.push(`acknowledged after ${span(view.ackedAt - view.openedAt)} by ${view.ackedBy ?? '?'}`);
  if (view.resolvedAt !== null) lines.push(`resolved after ${span(view.resolvedAt - view.openedAt)} by ${view.resolvedBy ?? '?'}`);
  if (view.assignee) lines.push(`assigned to ${view.assignee}`);
  if (view.runbook) lines.push(`runbook: ${view.runbook}`, ...(view.runbookSteps ?? []).map((s) => `  step ${s.index}: ${s.title}`));
  lines.push('alerts:', ...view.alerts.map((a) => `  ${a.rule} ${a.state} (${a.severity})`));
  lines.push('timeline:', ...view.timeline.map((e) => `  ${new Date(e.at).toISOString()}  ${e.text}${e.actor === 'guardia' ? '' : ` (${e.actor})`}`));
  return lines;
}
