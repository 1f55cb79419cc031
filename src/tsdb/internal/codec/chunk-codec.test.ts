import { describe, expect, it } from 'vitest';
import { seededRandom as rng } from '../../testing/probe-samples.js';
import { ChunkDecoder } from './chunk-decoder.js';
import { ChunkEncoder } from './chunk-encoder.js';

function roundTrip(ts: number[], vs: number[]): { t: number[]; v: number[]; bytes: number } {
  const enc = new ChunkEncoder();
  ts.forEach((t, i) => enc.append(t, vs[i] as number));
  const dec = new ChunkDecoder(enc.bytes());
  const t: number[] = [];
  const v: number[] = [];
  while (dec.next()) {
    t.push(dec.t);
    v.push(dec.v);
  }
  return { t, v, bytes: enc.byteLength };
}

function expectSame(actual: number[], expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => {
    if (!Object.is(actual[i], e)) expect.fail(`index ${i}: got ${actual[i]}, want ${e}`);
  });
}

const specials = [0, -0, 1, -1, NaN, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE,
  Number.MIN_VALUE, 2 ** 53, -(2 ** 53) - 2, 0.1 + 0.2, 1e-300, 1e300, 0.0123, 123.456, 2 ** 52 + 0.5];

function randomValue(r: () => number, prev: number): number {
  const pick = r();
  if (pick < 0.1) return specials[Math.floor(r() * specials.length)] as number;
  if (pick < 0.25) return prev;
  if (pick < 0.4) return Math.round(r() * 2);
  if (pick < 0.55) return Math.round((r() - 0.5) * 2 ** (r() * 60));
  if (pick < 0.7) return Math.round(r() * 100000) / 10 ** Math.floor(r() * 8);
  if (pick < 0.85) return (r() - 0.5) * 10 ** (r() * 40 - 20);
  const buf = new DataView(new ArrayBuffer(8));
  buf.setUint32(0, Math.floor(r() * 2 ** 32));
  buf.setUint32(4, Math.floor(r() * 2 ** 32));
  return buf.getFloat64(0);
}

function randomTimes(r: () => number, n: number): number[] {
  const ts: number[] = [];
  let t = Math.round((r() - 0.5) * 2 ** 45);
  for (let i = 0; i < n; i++) {
    const kind = r();
    t += kind < 0.6 ? 10000 + Math.round((r() - 0.5) * 100) : kind < 0.9 ? 1 + Math.floor(r() * 5) : Math.floor(r() * 2 ** 40) + 1;
    ts.push(t);
  }
  return ts;
}

describe('chunk codec', () => {
  it('round-trips random series exactly (bits, -0, NaN, ±Inf, extremes)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const n = 1 + Math.floor(r() * 300);
      const ts = randomTimes(r, n);
      const vs: number[] = [];
      for (let i = 0; i < n; i++) vs.push(randomValue(r, vs[i - 1] ?? 0));
      const out = roundTrip(ts, vs);
      expectSame(out.t, ts);
      expectSame(out.v, vs);
    }
  });

  it('round-trips every special value after every other', () => {
    const vs = specials.flatMap((a) => specials.map((b) => [a, b])).flat();
    const ts = vs.map((_, i) => 1_700_000_000_000 + i * 1000);
    expectSame(roundTrip(ts, vs).v, vs);
  });

  it('round-trips an empty chunk and a single sample', () => {
    expect(roundTrip([], []).t).toEqual([]);
    expectSame(roundTrip([-5], [-0]).v, [-0]);
  });

  it('rejects equal or older timestamps and non-integer times', () => {
    const enc = new ChunkEncoder();
    enc.append(1000, 1);
    expect(() => enc.append(1000, 2)).toThrow(/not after/);
    expect(() => enc.append(999, 2)).toThrow(/not after/);
    expect(() => enc.append(1000.5, 2)).toThrow(/epoch-ms/);
    expect(() => enc.append(2 ** 51, 2)).toThrow(/epoch-ms/);
    expect(enc.count).toBe(1);
  });

  it('reports corrupt data instead of returning garbage', () => {
    expect(() => new ChunkDecoder(new Uint8Array([9]))).toThrow(/corrupt/);
    const bad = new ChunkDecoder(new Uint8Array([1, 0x80]));
    expect(() => bad.next()).toThrow(/corrupt/);
    const badControl = new ChunkDecoder(new Uint8Array([1, 2, 0x7f]));
    expect(() => badControl.next()).toThrow(/corrupt/);
  });

  it('stores a 0/1 up series at 10 s ± jitter in about 2 bytes per sample', () => {
    const r = rng(7);
    const ts: number[] = [];
    const vs: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      ts.push(1_767_225_600_000 + i * 10_000 + Math.round(r() * 40));
      vs.push(r() < 0.02 ? 0 : 1);
    }
    const out = roundTrip(ts, vs);
    expectSame(out.v, vs);
    expect(out.bytes / ts.length).toBeLessThanOrEqual(2.1);
  });

  it('stores latency in seconds at µs precision in at most 5 bytes per sample', () => {
    const r = rng(8);
    const ts: number[] = [];
    const vs: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      ts.push(1_767_225_600_000 + i * 10_000 + Math.round(r() * 40));
      vs.push(Math.round((0.012 + r() * 0.01) * 1e6) / 1e6);
    }
    const out = roundTrip(ts, vs);
    expectSame(out.v, vs);
    expect(out.bytes / ts.length).toBeLessThanOrEqual(5);
  });

  it('stores full-precision float latency in at most 10 bytes per sample', () => {
    const r = rng(9);
    const ts: number[] = [];
    const vs: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      ts.push(1_767_225_600_000 + i * 10_000 + Math.round(r() * 40));
      vs.push((12 + r() * 10) / 1000);
    }
    const out = roundTrip(ts, vs);
    expectSame(out.v, vs);
    expect(out.bytes / ts.length).toBeLessThanOrEqual(10);
  });

  it('stores a monotonically increasing counter in about 2 bytes per sample', () => {
    const ts: number[] = [];
    const vs: number[] = [];
    for (let i = 0; i < 1000; i++) {
      ts.push(1_767_225_600_000 + i * 15_000);
      vs.push(1000 + i * 3 + (i % 7));
    }
    const out = roundTrip(ts, vs);
    expectSame(out.v, vs);
    expect(out.bytes / ts.length).toBeLessThanOrEqual(2.1);
  });
});
