import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { existsSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { createRedactor, type ResolvedConfig } from '../../config/index.js';
import { CheckFailedError, NotFoundError, RefusedError } from '../../errors.js';
import type { IncidentService } from '../../incidents/index.js';
import { nodeSpawn, readRunbook, runRunbook, type RunbookStep, type Spawn, type StepResult } from '../../runbooks/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { emit } from '../output.js';
import { actorOf, withIncidentStore } from './incident-store.js';

/** `guardia runbook run <file-or-name> [--incident ID] [--yes]`: runs a runbook's step blocks one at a time. */
export function registerRunbookCommand(program: CommandUnknownOpts, io: CliIo, spawn: Spawn = nodeSpawn): void {
  const runbook = program.command('runbook').description('markdown runbooks referenced from alert rules');
  runbook
    .command('run')
    .description('run the fenced blocks marked as steps (```sh step), asking before each unless --yes; stops at the first failing step')
    .argument('<runbook>', 'a markdown file, or the name of one (service-down) referenced by a rule or in runbooks/ beside the config')
    .option('--incident <id>', 'record each step (command, exit status, output) in this incident\'s timeline')
    .action(async (name, opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      const run = (config: ResolvedConfig | undefined, incidents?: IncidentService) =>
        runSteps({ io, options, spawn, config, name, incidentId: opts.incident, incidents });
      if (opts.incident === undefined) return run(await configIfPresent(new CliContext(io, options)));
      await withIncidentStore(io, options, async ({ incidents, config }) => {
        await incidents.get(opts.incident as string);
        await run(config, incidents);
      });
    });
}

interface RunInput {
  io: CliIo;
  options: GlobalOptions;
  spawn: Spawn;
  config: ResolvedConfig | undefined;
  name: string;
  incidentId: string | undefined;
  incidents: IncidentService | undefined;
}

async function runSteps(input: RunInput): Promise<void> {
  const { io, options } = input;
  const book = await readRunbook(findRunbook(input.name, io.cwd, input.config));
  const actor = actorOf(io, options);
  const confirm = confirmer(io, options);
  const outcome = await runRunbook(book, {
    spawn: input.spawn,
    clock: new CliContext(io, options).clock,
    cwd: io.cwd,
    env: { ...io.env, ...(input.incidentId ? { GUARDIA_INCIDENT: input.incidentId } : {}) },
    redact: createRedactor(input.config?.secrets ?? []),
    confirm,
    signal: io.signal,
    onStart: (step) => options.json || io.stdout(`step ${step.index}/${book.steps.length}: ${step.title}\n`),
    onStep: async (result) => {
      if (!options.json) io.stdout(stepLines(result));
      if (input.incidents && input.incidentId) await input.incidents.recordStep(input.incidentId, book.path, result, actor);
    },
  });
  const failed = outcome.results.find((r) => r.exitCode !== 0);
  emit(io, options, { runbook: book.path, incident: input.incidentId ?? null, status: outcome.status, steps: outcome.results }, () =>
    book.steps.length === 0 ? [`${book.path} has no steps (fenced blocks marked \`\`\`sh step)`] : outcome.status === 'done' ? [`all ${book.steps.length} steps passed`] : [],
  );
  if (failed) throw new CheckFailedError(`runbook step ${failed.step.index} "${failed.step.title}" failed with exit status ${failed.exitCode}`);
  if (outcome.status === 'stopped') throw new RefusedError(`stopped before step ${outcome.results.length + 1}: not confirmed`);
}

/**
 * Asks per step: on a terminal one question at a time, otherwise reading one answer line per step
 * from standard input; with neither (or the answers run out), only --yes runs steps.
 */
function confirmer(io: CliIo, options: GlobalOptions): (step: RunbookStep) => Promise<boolean> {
  if (options.yes) return async () => true;
  const refuse = () => new RefusedError('runbook steps run commands: confirm each on standard input, or rerun with --yes to run them all');
  let answers: string[] | undefined;
  const next = async (question: string): Promise<string | undefined> => {
    if (io.prompt) return io.prompt(question);
    if (!io.readStdin) throw refuse();
    io.stdout(question);
    answers ??= (await io.readStdin()).split(/\r?\n/);
    const answer = answers.shift();
    if (answer !== undefined) io.stdout('\n');
    return answer === '' && answers.length === 0 ? undefined : answer;
  };
  return async (step) => {
    const answer = await next(`step ${step.index} "${step.title}" runs:\n${indent(step.command)}\nrun it? [y/N] `);
    if (answer === undefined) throw refuse();
    return /^y(es)?$/i.test(answer.trim());
  };
}

/** A path, or a name: a rule's runbook with that file name, or `runbooks/<name>.md` beside the config. */
function findRunbook(name: string, cwd: string, config: ResolvedConfig | undefined): string {
  const direct = isAbsolute(name) ? name : resolve(cwd, name);
  if (existsSync(direct)) return direct;
  const file = name.endsWith('.md') ? name : `${name}.md`;
  const fromRule = config?.alerting.rules.map((r) => r.runbook).find((p) => p !== undefined && !/^https?:/i.test(p) && basename(p) === file);
  if (fromRule) return fromRule;
  if (config && existsSync(join(config.dir, 'runbooks', file))) return join(config.dir, 'runbooks', file);
  throw new NotFoundError(`no runbook "${name}": give a file path, or a name referenced by an alert rule's runbook:`);
}

async function configIfPresent(ctx: CliContext): Promise<ResolvedConfig | undefined> {
  const path = ctx.configPath();
  return existsSync(isAbsolute(path) ? path : resolve(ctx.io.cwd, path)) ? ctx.loadConfig() : undefined;
}

function stepLines(result: StepResult): string {
  const status = result.exitCode === 0 ? 'ok' : `failed (exit ${result.exitCode})`;
  return `${indent(result.output.trimEnd())}${result.output.trim() ? '\n' : ''}step ${result.step.index}: ${status}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .filter((line, i, all) => line !== '' || i < all.length - 1)
    .map((line) => `  ${line}`)
    .join('\n');
}
