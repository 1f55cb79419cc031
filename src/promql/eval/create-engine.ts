import type { EngineOptions, PromqlEngine } from '../engine.js';
import { FUNCTION_IMPLS } from '../functions/function-table.js';
import { buildEngine } from './internal/build-engine.js';

/**
 * The PromQL engine with Prometheus 2.42 semantics over guardia's function table. Options
 * default to Prometheus's: 5 min lookback, at most 50 M samples held per query.
 */
export function createEngine(options?: EngineOptions): PromqlEngine {
  return buildEngine(FUNCTION_IMPLS, options);
}
