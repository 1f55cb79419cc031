import type { ProblemSink } from '../problems/path-problem.js';
import type { EnvironmentConfig, StatusPageConfig } from '../resolved-config.js';
import type { StatusPageInput } from '../schema/status-page-schema.js';

/** What resolving `status_page:` needs besides the environment. */
export interface StatusPageContext {
  project: string;
  problems: ProblemSink;
}

/** Sets `statusPage` on each environment whose input has `status_page:`; reports components naming no probe of it. */
export function attachStatusPages(
  environments: EnvironmentConfig[],
  inputs: Record<string, { status_page?: StatusPageInput | undefined }>,
  ctx: StatusPageContext,
): void {
  for (const env of environments) {
    const input = inputs[env.name]?.status_page;
    if (input !== undefined) env.statusPage = resolveStatusPage(env, input, ctx);
  }
}

function resolveStatusPage(env: EnvironmentConfig, input: StatusPageInput, ctx: StatusPageContext): StatusPageConfig {
  const path = ['environments', env.name, 'status_page', 'components'];
  const names = new Set<string>();
  input.components.forEach((component, index) => {
    if (!env.probes.some((p) => p.name === component.probe)) {
      ctx.problems.add([...path, index, 'probe'], `no probe "${component.probe}" in environments.${env.name}.probes`);
    }
    if (names.has(component.name)) ctx.problems.add([...path, index, 'name'], `two components are named "${component.name}"`);
    names.add(component.name);
  });
  return {
    title: input.title ?? `${ctx.project} — ${env.name}`,
    ...(input.description !== undefined ? { description: input.description } : {}),
    components: input.components.map((c) => ({ probe: c.probe, name: c.name })),
    incidents: input.incidents ?? true,
  };
}
