import type { ArchiveEntry, CopyPlan } from '../pg-tools.js';

/** `3346; 0 17720 TABLE DATA public t owner`: a list line naming a table's data. */
const ENTRY = /^(\d+); \d+ \d+ (.*)$/;

/** The entries of `pg_restore -l` output (comment lines skipped). */
export function parseArchiveList(text: string): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  for (const line of text.split('\n')) {
    const match = ENTRY.exec(line);
    if (match) entries.push({ id: Number(match[1]), tableData: (match[2] as string).startsWith('TABLE DATA '), line });
  }
  return entries;
}

const TOC_ENTRY = /^-- TOC entry (\d+) /;
const DATA_FOR = /^-- Data for Name: (.*); Type: TABLE DATA; Schema: (.*); Owner: /;
const COPY = /^COPY .* FROM stdin;$/;
const SETUP = /^(SET |SELECT pg_catalog\.set_config\()/;

/**
 * Reads the script `pg_restore --data-only -v -f -` prints for TABLE DATA entries whose data
 * files are empty: the session settings before the first entry, then per entry its dump id
 * (`-- TOC entry N`), its table and its COPY statement.
 */
export function parseCopyScript(text: string): CopyPlan {
  const plan: CopyPlan = { setup: [], copies: new Map() };
  let entry: { id: number; schema?: string; name?: string } | undefined;
  for (const line of text.split('\n')) {
    const toc = TOC_ENTRY.exec(line);
    if (toc) {
      entry = { id: Number(toc[1]) };
      continue;
    }
    if (entry === undefined) {
      if (SETUP.test(line)) plan.setup.push(line);
      continue;
    }
    const data = DATA_FOR.exec(line);
    if (data) Object.assign(entry, { name: data[1], schema: data[2] });
    else if (COPY.test(line) && entry.name !== undefined && entry.schema !== undefined) {
      plan.copies.set(entry.id, { schema: entry.schema, name: entry.name, copy: line });
      entry = undefined;
    }
  }
  return plan;
}
