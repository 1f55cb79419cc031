import type { MetricFamily } from '../../probes/probe.js';
import { escapeHelp, formatLabels, formatValue } from './text-format.js';

/** Text when a scraped family came without HELP: promtool requires one on every family. */
const NO_HELP = 'No help text given by the scraped target.';

interface MergedFamily {
  help: string;
  type: MetricFamily['type'];
  lines: string[];
}

/**
 * The families scrape probes expose on `/metrics`, the latest per probe. Families of the
 * same name from several probes render as one (the first probe's HELP and TYPE); a
 * family whose name or sample names guardia already exposes, or that clashes with
 * another family's, is left out, and a series already written is not repeated, so the
 * whole exposition stays valid.
 */
export class ExposedFamilies {
  private readonly byProbe = new Map<string, readonly MetricFamily[]>();

  set(probeId: string, families: readonly MetricFamily[] | undefined): void {
    if (families && families.length > 0) this.byProbe.set(probeId, families);
    else this.byProbe.delete(probeId);
  }

  /** The text format of every exposed family; `taken` holds the sample names already in use. */
  render(taken: ReadonlySet<string>): string {
    const merged = new Map<string, MergedFamily>();
    const owner = new Map<string, string>([...taken].map((name) => [name, '']));
    const written = new Set<string>();
    for (const families of this.byProbe.values()) {
      for (const family of families) {
        const names = new Set([family.name, ...family.samples.map((s) => s.name)]);
        if ([...names].some((name) => owner.has(name) && owner.get(name) !== family.name)) continue;
        let target = merged.get(family.name);
        if (target && target.type !== family.type) continue;
        if (!target) merged.set(family.name, (target = { help: family.help || NO_HELP, type: family.type, lines: [] }));
        for (const name of names) owner.set(name, family.name);
        for (const sample of family.samples) {
          const key = JSON.stringify([sample.name, ...Object.entries(sample.labels).sort()]);
          if (written.has(key)) continue;
          written.add(key);
          target.lines.push(`${sample.name}${formatLabels(sample.labels)} ${formatValue(sample.value)}`);
        }
      }
    }
    let text = '';
    for (const [name, family] of merged) {
      if (family.lines.length === 0) continue;
      text += `# HELP ${name} ${escapeHelp(family.help)}\n# TYPE ${name} ${family.type}\n${family.lines.join('\n')}\n`;
    }
    return text;
  }
}
