import { describe, expect, it } from 'vitest';
import { frexp, fusedMultiplyAdd, goExp, goLog, goLog10, goLog2, ldexp } from './go-math.js';

// Expected values are what Prometheus 2.42 (promtool, Go 1.19, x86-64 with FMA)
// returned; the third column is V8's answer, which differs in the last bit.
describe('Go-compatible logarithms and exponential', () => {
  it.each([
    [0.5859333053404379, 1.7966670423275022, 1.7966670423275024],
    [-4.859246834727383, 0.007756323485263182, 0.007756323485263181],
    [-15.561674492803807, 1.7444183183337085e-7, 1.7444183183337088e-7],
  ])('exp(%d) matches Go bit for bit where Math.exp does not', (x, go, v8) => {
    expect(goExp(x)).toBe(go);
    expect(Math.exp(x)).toBe(v8);
  });

  it.each([
    [1.1205922671679045, 0.11385735550762618],
    [1e-310, -709.0850815488945],
    [2.5e-320, -709.089565712823],
  ])('ln(%d) follows Go, subnormals included', (x, go) => {
    expect(goLog(x)).toBe(go);
  });

  it.each([
    [1.0973200879735583, 0.13398442088571771],
    [0.36621577454439747, -1.449234159113045],
    [8, 3],
    [0.5, -1],
  ])('log2(%d) follows Go and is exact for powers of two', (x, go) => {
    expect(goLog2(x)).toBe(go);
  });

  it.each([
    [0.14487257333508552, -0.8390138255478176],
    [9.436097564161194, 0.9747924226075582],
    [12345678, 7.091514945509202],
  ])('log10(%d) is Go’s ln(x)/ln(10), not correctly rounded', (x, go) => {
    expect(goLog10(x)).toBe(go);
  });

  it('handles the special values as Go does', () => {
    expect([goLog(0), goLog(-0), goLog(-1), goLog(Infinity), goLog(NaN)]).toEqual([-Infinity, -Infinity, NaN, Infinity, NaN]);
    expect([goLog2(0), goLog2(-8), goLog2(Infinity)]).toEqual([-Infinity, NaN, Infinity]);
    expect([goExp(-Infinity), goExp(Infinity), goExp(NaN), goExp(0), goExp(-0)]).toEqual([0, Infinity, NaN, 1, 1]);
  });

  it('overflows one step early and scales subnormal results twice, like the amd64 assembly', () => {
    expect(goExp(709.7)).toBe(Infinity);
    expect(goExp(709.8)).toBe(Infinity);
    expect(goExp(-708.5)).toBe(2.006132305331306e-308);
    expect(goExp(-709)).toBe(1.216780750623423e-308);
    expect(goExp(-800)).toBe(0);
  });
});

describe('fusedMultiplyAdd', () => {
  const view = new DataView(new ArrayBuffer(8));

  /** The exact value of a finite double as mantissa × 2^exponent. */
  function exact(x: number): [bigint, number] {
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    const exponent = Number((bits >> 52n) & 0x7ffn);
    const mantissa = (bits & 0xfffffffffffffn) | (exponent === 0 ? 0n : 1n << 52n);
    return [bits >> 63n ? -mantissa : mantissa, (exponent === 0 ? 1 : exponent) - 1075];
  }

  /** a*b + c rounded once, through exact BigInt arithmetic. */
  function reference(a: number, b: number, c: number): number {
    const [ma, ea] = exact(a);
    const [mb, eb] = exact(b);
    const [mc, ec] = exact(c);
    const ep = ea + eb;
    const e = Math.min(ep, ec);
    const sum = ((ma * mb) << BigInt(ep - e)) + (mc << BigInt(ec - e));
    return Number(sum) * 2 ** e;
  }

  it('rounds once, as the FMA instruction does, including near cancellation', () => {
    let seed = 42;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 20_000; i++) {
      const a = (random() - 0.5) * 2 ** Math.floor(random() * 40 - 20);
      const b = (random() - 0.5) * 2 ** Math.floor(random() * 40 - 20);
      // Every third case makes c nearly cancel a*b, where double rounding would show.
      const c = i % 3 === 0 ? -(a * b) * (1 + (random() - 0.5) * 2 ** -40) : (random() - 0.5) * 2 ** Math.floor(random() * 40 - 20);
      expect(fusedMultiplyAdd(a, b, c)).toBe(reference(a, b, c));
    }
  });

  it('differs from a separate multiply and add where the product is inexact', () => {
    const a = 1 + 2 ** -30;
    expect(fusedMultiplyAdd(a, a, -1)).toBe(2 ** -29 + 2 ** -60);
    expect(a * a - 1).toBe(2 ** -29);
  });
});

describe('frexp and ldexp', () => {
  it('split and rebuild normal and subnormal numbers exactly', () => {
    expect(frexp(8)).toEqual([0.5, 4]);
    expect(frexp(-3)).toEqual([-0.75, 2]);
    expect(frexp(5e-324)).toEqual([0.5, -1073]);
    expect(frexp(Infinity)).toEqual([Infinity, 0]);
    for (const x of [1, 0.1, -123.456, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308]) {
      const [f, e] = frexp(x);
      expect(ldexp(f, e)).toBe(x);
    }
  });

  it('rounds once into the subnormal range and saturates beyond it', () => {
    expect(ldexp(0.75, -1073)).toBe(1e-323);
    expect(ldexp(0.5, 1025)).toBe(Infinity);
    expect(ldexp(-0.5, -1080)).toBe(-0);
  });
});
