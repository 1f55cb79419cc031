import { PromqlEvalError } from '../../../errors.js';

/**
 * Counts the samples a query holds, as Prometheus's `--query.max-samples` does: what one
 * step has loaded and computed, plus the result rows a range query has kept so far.
 */
export class SampleBudget {
  private kept = 0;
  private current = 0;

  constructor(private readonly max: number) {}

  /** A new step: only the kept result rows remain held. */
  startStep(): void {
    this.current = this.kept;
  }

  /** Counts `count` more samples, failing past the limit. */
  hold(count: number): void {
    this.current += count;
    if (this.current > this.max) {
      throw new PromqlEvalError(
        `query processing would load too many samples into memory in query execution (limit ${this.max}); ` +
          'select fewer series, a shorter range or a larger step, or raise maxSamples',
      );
    }
  }

  /** Result rows (already held by this step) that a range query keeps until it ends. */
  keep(count: number): void {
    this.kept += count;
  }
}
