import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { NotFoundError } from '../errors.js';
import type { Runbook, RunbookStep } from './runbook.js';

const FENCE = /^(`{3,}|~{3,})\s*(.*)$/;
/** `sh step`, `bash {step}`, `shell {.step}`: a shell language and the word step. */
const STEP_INFO = /^(sh|bash|shell|console)\b.*(?:^|[\s{.])step\b/i;

/** Finds the steps of a markdown runbook: fenced blocks whose info string marks them as steps. */
export function parseRunbook(path: string, markdown: string): Runbook {
  const lines = markdown.split(/\r?\n/);
  let title: string | undefined;
  let heading: string | undefined;
  const steps: RunbookStep[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const head = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (head) {
      heading = head[2];
      if (title === undefined && head[1] === '#') title = head[2];
      continue;
    }
    const fence = FENCE.exec(line);
    if (!fence) continue;
    const close = new RegExp(`^${fence[1]?.[0] === '`' ? '`' : '~'}{${fence[1]?.length ?? 3},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end] ?? '')) end++;
    const info = (fence[2] ?? '').trim();
    if (STEP_INFO.test(info)) {
      const index = steps.length + 1;
      const shell = /^bash\b/i.test(info) ? 'bash' : 'sh';
      steps.push({ index, title: heading ?? `step ${index}`, shell, command: lines.slice(i + 1, end).join('\n').trim() });
    }
    i = end;
  }
  return { path, title: title ?? basename(path), steps };
}

/** Reads and parses a runbook file. */
export async function readRunbook(path: string): Promise<Runbook> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new NotFoundError(`cannot read runbook ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  return parseRunbook(path, text);
}
