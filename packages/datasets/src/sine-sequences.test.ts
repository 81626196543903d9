import { describe, test, expect } from "vitest";
import { rng } from "@gradschool/tensor";
import { sineSequences } from "./sine-sequences.ts";

describe("sineSequences", () => {
  test("the same seed gives identical windows; a different seed gives different ones", () => {
    const a = sineSequences({ sequences: 10, length: 8, rng: rng(1) });
    const b = sineSequences({ sequences: 10, length: 8, rng: rng(1) });
    const c = sineSequences({ sequences: 10, length: 8, rng: rng(2) });
    expect(a.x.data).toEqual(b.x.data);
    expect(a.y.data).toEqual(b.y.data);
    expect(a.x.data).not.toEqual(c.x.data);
  });

  test("inputs are [sequences, length, 1] and the target is the next value, [sequences, 1]", () => {
    const { x, y, periods, phases } = sineSequences({ sequences: 6, length: 12, rng: rng(3) });
    expect(x.shape).toEqual([6, 12, 1]);
    expect(y.shape).toEqual([6, 1]);
    for (let i = 0; i < 6; i++) {
      const wave = (t: number) => Math.sin((2 * Math.PI * t) / periods[i] + phases[i]);
      for (let t = 0; t < 12; t++) expect(x.get(i, t, 0)).toBeCloseTo(wave(t), 12);
      expect(y.get(i, 0)).toBeCloseTo(wave(12), 12);
    }
  });

  test('target "every" gives the next value after every step, [sequences, length, 1]', () => {
    const { x, y } = sineSequences({ sequences: 4, length: 10, target: "every", rng: rng(4) });
    expect(y.shape).toEqual([4, 10, 1]);
    for (let i = 0; i < 4; i++) {
      for (let t = 0; t < 9; t++) expect(y.get(i, t, 0)).toBe(x.get(i, t + 1, 0)); // y is x shifted by one
    }
  });

  test("periods fall in periodRange and phases in [0, 2π)", () => {
    const { periods, phases } = sineSequences({ sequences: 200, periodRange: [5, 7], rng: rng(5) });
    for (const period of periods) expect(period >= 5 && period < 7).toBe(true);
    for (const phase of phases) expect(phase >= 0 && phase < 2 * Math.PI).toBe(true);
  });

  test("noise perturbs the inputs but leaves the targets on the clean wave", () => {
    const { x, y, periods, phases } = sineSequences({ sequences: 3, length: 5, noise: 0.3, rng: rng(6) });
    const wave = (i: number, t: number) => Math.sin((2 * Math.PI * t) / periods[i] + phases[i]);
    expect(x.get(0, 0, 0)).not.toBeCloseTo(wave(0, 0), 6);
    for (let i = 0; i < 3; i++) expect(y.get(i, 0)).toBeCloseTo(wave(i, 5), 12);
  });

  test("rejects bad arguments, naming sineSequences", () => {
    const r = rng(0);
    expect(() => sineSequences({ sequences: 0, rng: r })).toThrow(/sineSequences: sequences must be a positive integer; received 0/);
    expect(() => sineSequences({ length: 1.5, rng: r })).toThrow(/sineSequences: length must be a positive integer; received 1.5/);
    expect(() => sineSequences({ noise: -0.1, rng: r })).toThrow(/sineSequences: noise must be a finite number ≥ 0/);
    expect(() => sineSequences({ periodRange: [8, 4], rng: r })).toThrow(/sineSequences: periodRange .* received \[8, 4\]/);
  });
});
