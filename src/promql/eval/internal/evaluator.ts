import { PromqlEvalError } from '../../../errors.js';
import type { Aggregate, Call, Expr, MatrixSelector, Unary, VectorSelector } from '../../ast.js';
import type { FnArg, FunctionImpl } from '../../functions/function-def.js';
import type { Metric, Vector } from '../../values.js';
import { evalAggregate } from './eval-aggregate.js';
import { evalBinary } from './eval-binary.js';
import { evalCall } from './eval-call.js';
import { instantVector, rangeMatrix } from './eval-selectors.js';
import type { LoadedSeries } from './loaded-series.js';
import { assertDistinctLabelSets, dropMetricName } from './label-sets.js';
import type { SampleBudget } from './sample-budget.js';
import type { SelectorData } from './selector-loader.js';

/** Everything one query's evaluation reads or tracks across its steps. */
export interface QueryState {
  selectors: SelectorData;
  lookbackMs: number;
  budget: SampleBudget;
  functions: ReadonlyMap<string, FunctionImpl>;
  /**
   * Range queries only: per range-vector function call, the input series behind each
   * output label set, because Prometheus 2.42 rejects two series that yield the same
   * label set at any steps of the range (not only at the same step).
   */
  owners: Map<Call, Map<string, Metric>> | undefined;
}

/** Evaluates syntax trees at one instant at a time, synchronously, over preloaded series. */
export class Evaluator {
  constructor(readonly state: QueryState) {}

  eval(expr: Expr, t: number): FnArg {
    const value = this.evalNode(expr, t);
    if (expr.kind !== 'paren') {
      if (value.type === 'vector') this.state.budget.hold(value.vector.length);
      else if (value.type === 'matrix') for (const s of value.matrix) this.state.budget.hold(s.points.length);
    }
    return value;
  }

  /** An instant selector's vector at `t` (samples keep their own time for `timestamp()`). */
  selectInstant(selector: VectorSelector, t: number, ownTimestamps = false): Vector {
    return instantVector(this.seriesOf(selector), t, selector.offsetMs, this.state.lookbackMs, ownTimestamps);
  }

  private evalNode(expr: Expr, t: number): FnArg {
    switch (expr.kind) {
      case 'number':
        return { type: 'scalar', v: expr.value };
      case 'string':
        return { type: 'string', v: expr.value };
      case 'paren':
        return this.eval(expr.expr, t);
      case 'vector':
        return { type: 'vector', vector: this.selectInstant(expr, t) };
      case 'matrix':
        return this.selectRange(expr, t);
      case 'unary':
        return this.evalUnary(expr, t);
      case 'binary':
        return evalBinary(expr, this.eval(expr.lhs, t), this.eval(expr.rhs, t), t);
      case 'aggregate':
        return this.evalAggregate(expr, t);
      case 'call':
        return evalCall(this, expr, t);
    }
  }

  private selectRange(expr: MatrixSelector, t: number): FnArg {
    const rangeEnd = t - expr.selector.offsetMs;
    const rangeStart = rangeEnd - expr.rangeMs;
    return { type: 'matrix', matrix: rangeMatrix(this.seriesOf(expr.selector), rangeStart, rangeEnd), rangeStart, rangeEnd };
  }

  private evalUnary(expr: Unary, t: number): FnArg {
    const value = this.eval(expr.expr, t);
    if (expr.op === '+') return value;
    if (value.type === 'scalar') return { type: 'scalar', v: -value.v };
    if (value.type !== 'vector') throw new PromqlEvalError(`unary minus is not defined for a ${value.type}; apply it to a scalar or an instant vector`);
    const vector = value.vector.map((s) => ({ metric: dropMetricName(s.metric), t, v: -s.v }));
    assertDistinctLabelSets(vector);
    return { type: 'vector', vector };
  }

  private evalAggregate(expr: Aggregate, t: number): FnArg {
    let param = NaN;
    if (expr.param) {
      const value = this.eval(expr.param, t);
      if (value.type !== 'scalar') throw new PromqlEvalError(`${expr.op}()'s parameter must be a scalar, not a ${value.type}`);
      param = value.v;
    }
    const input = this.eval(expr.expr, t);
    if (input.type !== 'vector') throw new PromqlEvalError(`${expr.op}() aggregates an instant vector, not a ${input.type}`);
    return { type: 'vector', vector: evalAggregate(expr, input.vector, param, t) };
  }

  private seriesOf(selector: VectorSelector): readonly LoadedSeries[] {
    const series = this.state.selectors.get(selector);
    if (!series) throw new PromqlEvalError('internal error: a selector was evaluated without its data being loaded');
    return series;
  }
}
