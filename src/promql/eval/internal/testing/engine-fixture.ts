/**
 * Test support for the engine: series loaded with promtool's `values:` notation and
 * results in the order promtool compares them (by labels).
 */
import { expect } from 'vitest';
import type { PromqlEngine } from '../../../engine.js';
import type { MemoryQueryable } from '../../../memory-queryable.js';
import { parseExpr } from '../../../parse/parse-expr.js';
import type { Metric, Point } from '../../../values.js';
import { compareMetrics } from '../label-sets.js';

export const MINUTE = 60_000;

/**
 * Adds a series in promtool's notation, one value per `stepMs` from `startMs`: numbers,
 * `_` (no sample), `stale`, `_xN`, and `a+bxN` / `a-bxN` (N+1 values, accumulated as
 * promtool does).
 */
export function load(source: MemoryQueryable, metric: Metric, values: string, stepMs = MINUTE, startMs = 0): void {
  const points: Point[] = [];
  let t = startMs;
  for (const token of values.trim().split(/\s+/)) {
    const gap = /^_x(\d+)$/.exec(token);
    const expand = /^(-?[\d.e]+)([+-])([\d.e]+)x(\d+)$/.exec(token);
    if (token === '_') t += stepMs;
    else if (gap) t += stepMs * Number(gap[1]);
    else if (token === 'stale') {
      points.push({ t, v: NaN, stale: true });
      t += stepMs;
    } else if (expand) {
      let v = Number(expand[1]);
      const step = Number(expand[3]) * (expand[2] === '-' ? -1 : 1);
      for (let i = 0; i <= Number(expand[4]); i++, v += step, t += stepMs) points.push({ t, v });
    } else {
      points.push({ t, v: Number(token.replace('Inf', 'Infinity')) });
      t += stepMs;
    }
  }
  source.add(metric, points);
}

/** An instant query's vector as `[metric, value]` rows sorted by labels, as promtool compares them. */
export async function vectorAt(engine: PromqlEngine, source: MemoryQueryable, expr: string, atMs: number): Promise<[Metric, number][]> {
  const value = await engine.instantQuery(source, parseExpr(expr), atMs);
  if (value.type !== 'vector') throw new Error(`expected a vector, got a ${value.type}`);
  expect(value.vector.every((s) => s.t === atMs)).toBe(true);
  return [...value.vector].sort((a, b) => compareMetrics(a.metric, b.metric)).map((s) => [s.metric, s.v]);
}

/** A range query's rows as `[metric, [[t, v], …]]`. */
export async function matrixOver(engine: PromqlEngine, source: MemoryQueryable, expr: string, startMs: number, endMs: number, stepMs: number): Promise<[Metric, [number, number][]][]> {
  const matrix = await engine.rangeQuery(source, parseExpr(expr), startMs, endMs, stepMs);
  return matrix.map((s) => [s.metric, s.points.map((p) => [p.t, p.v] as [number, number])]);
}
