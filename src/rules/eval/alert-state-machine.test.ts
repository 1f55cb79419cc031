import { describe, expect, it } from 'vitest';
import { AlertStateMachine, RESOLVED_RETENTION_MS, type AlertCandidate } from './alert-state-machine.js';

const MIN = 60_000;
const api: AlertCandidate = { labels: { alertname: 'Down', job: 'api' }, annotations: { summary: 'api down' }, value: 0 };
const db: AlertCandidate = { labels: { alertname: 'Down', job: 'db' }, annotations: {}, value: 0 };

/** Runs one evaluation per minute; `present[i]` are the candidates at minute i. Returns states per minute. */
function run(machine: AlertStateMachine, present: AlertCandidate[][]): string[] {
  return present.map((candidates, i) =>
    machine
      .update(i * MIN, candidates)
      .map((a) => `${a.labels.job}:${a.state}`)
      .sort()
      .join(','),
  );
}

describe('AlertStateMachine', () => {
  it('starts alerts pending and fires them once they have lasted `for`', () => {
    const machine = new AlertStateMachine({ forMs: 2 * MIN, keepFiringForMs: 0 });
    expect(run(machine, [[api], [api], [api], [api]])).toEqual(['api:pending', 'api:pending', 'api:firing', 'api:firing']);
    expect(machine.firing().map((a) => [a.activeAt, a.firedAt])).toEqual([[0, 2 * MIN]]);
  });

  it('fires at the first evaluation when `for` is zero', () => {
    const machine = new AlertStateMachine({ forMs: 0, keepFiringForMs: 0 });
    expect(run(machine, [[api]])).toEqual(['api:firing']);
  });

  it('drops a pending alert that disappears, so `for` starts over', () => {
    const machine = new AlertStateMachine({ forMs: 2 * MIN, keepFiringForMs: 0 });
    expect(run(machine, [[api], [], [api], [api], [api]])).toEqual(['api:pending', '', 'api:pending', 'api:pending', 'api:firing']);
    expect(machine.all()).toHaveLength(1);
  });

  it('resolves a firing alert that disappears and keeps it for 15 minutes', () => {
    const machine = new AlertStateMachine({ forMs: 0, keepFiringForMs: 0 });
    machine.update(0, [api]);
    expect(machine.update(MIN, [])).toEqual([]);
    expect(machine.all()).toMatchObject([{ state: 'inactive', resolvedAt: MIN }]);
    expect(machine.firing()).toEqual([]);
    machine.update(MIN + RESOLVED_RETENTION_MS, []);
    expect(machine.all()).toHaveLength(1);
    machine.update(MIN + RESOLVED_RETENTION_MS + 1, []);
    expect(machine.all()).toEqual([]);
  });

  it('starts a resolved alert that returns over as pending', () => {
    const machine = new AlertStateMachine({ forMs: MIN, keepFiringForMs: 0 });
    expect(run(machine, [[api], [api], [], [api], [api]])).toEqual(['api:pending', 'api:firing', '', 'api:pending', 'api:firing']);
    expect(machine.all()[0]).toMatchObject({ activeAt: 3 * MIN, resolvedAt: undefined });
  });

  it('keeps a firing alert firing for `keep_firing_for` after it disappears', () => {
    const machine = new AlertStateMachine({ forMs: 0, keepFiringForMs: 2 * MIN });
    expect(run(machine, [[api], [], [], [], []])).toEqual(['api:firing', 'api:firing', 'api:firing', '', '']);
    expect(machine.all()[0]).toMatchObject({ state: 'inactive', resolvedAt: 3 * MIN, keepFiringSince: MIN });
  });

  it('restarts `keep_firing_for` when the expression returns the alert again', () => {
    const machine = new AlertStateMachine({ forMs: 0, keepFiringForMs: 2 * MIN });
    expect(run(machine, [[api], [], [api], [], [], []])).toEqual(['api:firing', 'api:firing', 'api:firing', 'api:firing', 'api:firing', '']);
  });

  it('does not keep a pending alert with `keep_firing_for`', () => {
    const machine = new AlertStateMachine({ forMs: 5 * MIN, keepFiringForMs: 2 * MIN });
    expect(run(machine, [[api], []])).toEqual(['api:pending', '']);
  });

  it('tracks label sets independently and updates value and annotations in place', () => {
    const machine = new AlertStateMachine({ forMs: MIN, keepFiringForMs: 0 });
    expect(run(machine, [[api], [api, db], [{ ...api, value: 7, annotations: { summary: 'again' } }, db]])).toEqual([
      'api:pending',
      'api:firing,db:pending',
      'api:firing,db:firing',
    ]);
    expect(machine.firing().find((a) => a.labels.job === 'api')).toMatchObject({ value: 7, annotations: { summary: 'again' }, activeAt: 0 });
  });

  it('forgets everything on clear', () => {
    const machine = new AlertStateMachine({ forMs: 0, keepFiringForMs: 0 });
    machine.update(0, [api, db]);
    machine.clear();
    expect(machine.all()).toEqual([]);
    expect(run(machine, [[api]])).toEqual(['api:firing']);
  });

  it('returns copies, so callers cannot change the state', () => {
    const machine = new AlertStateMachine({ forMs: 0, keepFiringForMs: 0 });
    const [alert] = machine.update(0, [api]);
    if (alert) alert.state = 'inactive';
    expect(machine.firing()).toHaveLength(1);
  });
});
