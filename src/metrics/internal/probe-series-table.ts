import type { ProbeMetric, ProbeResult } from '../../probes/probe.js';
import { escapeHelp, formatLabels, formatValue } from './text-format.js';

type FamilyType = ProbeMetric['type'];

/** The values of one label set of a family, one per probe that reported it. */
interface Column {
  /** Label text after the probe's own, e.g. `,check="db"`; empty without extra labels. */
  readonly extra: string;
  /**
   * Position in `rows`/`values` of each probe row that has a value, while few probes have
   * one; undefined once most do (always for up, state, duration), `values` then being
   * indexed by row: a map entry per series cost more than the number it kept.
   */
  at: Map<number, number> | undefined;
  rows: number[];
  values: number[];
}

interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: FamilyType;
  /** Label names besides env and probe, as the family was first seen with. */
  readonly extraNames: readonly string[];
  /** Whether every probe sets it, so its column is indexed by row. */
  readonly dense: boolean;
  /** By the extra label values (see `columnKey`). */
  readonly columns: Map<string, Column>;
}

/** Stands for a label the family has but a reading lacks. */
const ABSENT = '\u0000';
/** A sparse column turns dense once it has this many values and they fill a quarter of the rows. */
const DENSE_AFTER = 64;

/**
 * The latest value of every probe series for `/metrics`: per family, columns of numbers
 * indexed by probe row, rendered as text at scrape time. Recording a result allocates
 * nothing once its series exist, where a prom-client gauge hashed its labels into a new
 * string and kept a labels object and an entry per series.
 */
export class ProbeSeriesTable {
  private readonly rows = new Map<string, number>();
  /** `env="…",probe="…"` of each row. */
  private readonly rowLabels: string[] = [];
  private readonly families = new Map<string, Family | null>();

  /** @param taken names used elsewhere in the exposition, which a probe family must not reuse. */
  constructor(private readonly taken: (name: string) => boolean) {}

  /** Declares a family that every result sets (up, state, duration). */
  define(name: string, help: string, type: FamilyType): void {
    this.families.set(name, { name, help, type, extraNames: [], dense: true, columns: new Map() });
  }

  /** Sets a value of a family `define()` declared. */
  setOwn(result: ProbeResult, name: string, value: number): void {
    const family = this.families.get(name);
    const column = family && this.columnOf(family, undefined);
    if (column) this.put(column, this.rowOf(result), value);
  }

  /** Records a probe's own metric; a reading that does not fit its family is dropped. */
  observe(result: ProbeResult, metric: ProbeMetric): void {
    const family = this.familyOf(metric);
    if (!family || family.type !== metric.type) return;
    // A counter cannot be negative or NaN; such a reading is dropped rather than breaking the exposition.
    if (family.type === 'counter' && !(metric.value >= 0 && Number.isFinite(metric.value))) return;
    const column = this.columnOf(family, metric.labels);
    if (column) this.put(column, this.rowOf(result), metric.value);
  }

  /** Names of the families with samples, which scraped families must not reuse. */
  names(): string[] {
    return [...this.families.values()].flatMap((f) => (f && f.columns.size > 0 ? [f.name] : []));
  }

  render(): string {
    let text = '';
    for (const family of this.families.values()) {
      if (!family || family.columns.size === 0) continue;
      const { name } = family;
      text += `# HELP ${name} ${escapeHelp(family.help)}\n# TYPE ${name} ${family.type}\n`;
      for (const c of family.columns.values()) {
        for (let i = 0; i < c.values.length; i++) {
          const value = c.values[i];
          if (value === undefined) continue;
          const row = c.at ? (c.rows[i] as number) : i;
          text += `${name}{${this.rowLabels[row]}${c.extra}} ${formatValue(value)}\n`;
        }
      }
    }
    return text;
  }

  private put(column: Column, row: number, value: number): void {
    if (!column.at) {
      column.values[row] = value;
      return;
    }
    const i = column.at.get(row);
    if (i !== undefined) {
      column.values[i] = value;
      return;
    }
    column.at.set(row, column.rows.length);
    column.rows.push(row);
    column.values.push(value);
    if (column.at.size >= DENSE_AFTER && column.at.size * 4 >= this.rowLabels.length) makeDense(column);
  }

  private rowOf(result: ProbeResult): number {
    let row = this.rows.get(result.probeId);
    if (row === undefined) {
      row = this.rowLabels.length;
      this.rowLabels.push(formatLabels({ env: result.env, probe: result.probe }).slice(1, -1));
      this.rows.set(result.probeId, row);
    }
    return row;
  }

  /** The metric's family, created on first sight; null (remembered) when its name is taken. */
  private familyOf(metric: ProbeMetric): Family | null {
    let family = this.families.get(metric.name);
    if (family !== undefined) return family;
    const extraNames = Object.keys(metric.labels ?? {}).filter((n) => n !== 'env' && n !== 'probe');
    family = this.taken(metric.name)
      ? null
      : { name: metric.name, help: metric.help, type: metric.type, extraNames, dense: false, columns: new Map() };
    this.families.set(metric.name, family);
    return family;
  }

  /** The column of a label set, created on first sight; undefined when it has labels the family lacks. */
  private columnOf(family: Family, labels: Readonly<Record<string, string>> | undefined): Column | undefined {
    const key = columnKey(family.extraNames, labels);
    if (key === undefined) return undefined;
    let column = family.columns.get(key);
    if (!column) {
      const present: Record<string, string> = {};
      for (const n of family.extraNames) if (labels?.[n] !== undefined) present[n] = labels[n];
      const extra = Object.keys(present).length > 0 ? `,${formatLabels(present).slice(1, -1)}` : '';
      column = { extra, at: family.dense ? undefined : new Map(), rows: [], values: [] };
      family.columns.set(key, column);
    }
    return column;
  }
}


/** The key of a reading's extra label values; a single label's value is its own key, so no string is built. */
function columnKey(extraNames: readonly string[], labels: Readonly<Record<string, string>> | undefined): string | undefined {
  if (labels) for (const n in labels) if (n !== 'env' && n !== 'probe' && !extraNames.includes(n)) return undefined;
  if (extraNames.length === 0) return '';
  if (extraNames.length === 1) return labels?.[extraNames[0] as string] ?? ABSENT;
  return extraNames.map((n) => labels?.[n] ?? ABSENT).join(ABSENT);
}

/** Re-indexes a column by row (rows without a value become holes, skipped when rendering). */
function makeDense(column: Column): void {
  const values: number[] = [];
  column.rows.forEach((row, i) => (values[row] = column.values[i] as number));
  column.values = values;
  column.rows = [];
  column.at = undefined;
}
