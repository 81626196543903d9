import { describe, test, expect } from "vitest";
import { rng } from "@gradschool/tensor";
import { moons } from "./moons.ts";

describe("moons", () => {
  test("the same seed gives identical data; a different seed gives different data", () => {
    const a = moons({ samples: 50, noise: 0.1, rng: rng(1) });
    const b = moons({ samples: 50, noise: 0.1, rng: rng(1) });
    const c = moons({ samples: 50, noise: 0.1, rng: rng(2) });
    expect(a.x.data).toEqual(b.x.data);
    expect(a.x.data).not.toEqual(c.x.data);
  });

  test("the two moons are balanced, the inner one taking the odd point", () => {
    const even = moons({ samples: 100, rng: rng(0) });
    expect(even.y.filter((label) => label === 0).length).toBe(50);
    const odd = moons({ samples: 101, rng: rng(0) });
    expect(odd.x.shape).toEqual([101, 2]);
    expect(odd.y.filter((label) => label === 0).length).toBe(50);
    expect(odd.y.filter((label) => label === 1).length).toBe(51);
  });

  test("with noise 0 the outer moon lies on the unit circle's upper half", () => {
    const { x, y } = moons({ samples: 40, rng: rng(0) });
    for (let row = 0; row < 40; row++) {
      if (y[row] !== 0) continue;
      expect(Math.hypot(x.get(row, 0), x.get(row, 1))).toBeCloseTo(1, 12);
      expect(x.get(row, 1)).toBeGreaterThanOrEqual(-1e-12);
    }
  });

  test("with noise 0 the inner moon is the unit circle's lower half centred at (1, 0.5)", () => {
    const { x, y } = moons({ samples: 40, rng: rng(0) });
    for (let row = 0; row < 40; row++) {
      if (y[row] !== 1) continue;
      expect(Math.hypot(x.get(row, 0) - 1, x.get(row, 1) - 0.5)).toBeCloseTo(1, 12);
      expect(x.get(row, 1)).toBeLessThanOrEqual(0.5 + 1e-12);
    }
  });

  test("each arc runs evenly from t = 0 to t = π, like scikit-learn's make_moons", () => {
    const { x } = moons({ samples: 6, rng: rng(0) }); // t = 0, π/2, π on each moon
    const expected = [[1, 0], [0, 1], [-1, 0], [0, 0.5], [1, -0.5], [2, 0.5]];
    expected.forEach(([a, b], row) => {
      expect(x.get(row, 0)).toBeCloseTo(a, 12);
      expect(x.get(row, 1)).toBeCloseTo(b, 12);
    });
  });

  test("rejects bad arguments, naming moons", () => {
    expect(() => moons({ samples: -3, rng: rng(0) })).toThrow(/moons: samples must be a positive integer; received -3/);
    expect(() => moons({ noise: Number.NaN, rng: rng(0) })).toThrow(/moons: noise must be a finite number ≥ 0; received NaN/);
  });
});
