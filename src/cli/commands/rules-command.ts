import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { ExitCode } from '../../errors.js';
import { formatProblems, formatRuleTestResult, ruleTestResultJson, runRuleTestFile, type RuleTestFileResult } from '../../rules/index.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { emit } from '../output.js';
import { ExitSignal } from '../run-cli.js';

/** `guardia rules test <file>…`: promtool's rule unit tests, with Prometheus 2.42 semantics. Needs no config. */
export function registerRulesCommand(program: CommandUnknownOpts, io: CliIo): void {
  const rules = program.command('rules').description('Prometheus alerting and recording rule files');
  rules
    .command('test')
    .description('run promtool-style rule unit tests (exit 1 when a test fails, 2 when a file is invalid)')
    .argument('<files...>', 'test files in the `promtool test rules` format')
    .action(async (files: string[], _options, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      const results: RuleTestFileResult[] = [];
      for (const file of files) results.push(await runRuleTestFile(file, { cwd: io.cwd }));
      const passed = results.every((r) => r.status === 'passed');
      emit(io, options, { passed, files: results.map(ruleTestResultJson) }, () => results.flatMap((r, i) => [...(i > 0 ? [''] : []), ...formatRuleTestResult(r)]));
      if (!options.json) for (const result of results) for (const line of formatProblems(result)) io.stderr(`guardia: ${line}\n`);
      const code = results.some((r) => r.status === 'invalid') ? ExitCode.usage : passed ? ExitCode.ok : ExitCode.failed;
      if (code !== ExitCode.ok) throw new ExitSignal(code);
    });
}
