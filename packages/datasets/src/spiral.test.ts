import { describe, test, expect } from "vitest";
import { rng } from "@gradschool/tensor";
import { spiral } from "./spiral.ts";

describe("spiral", () => {
  test("the same seed gives identical data; a different seed gives different data", () => {
    const a = spiral({ pointsPerClass: 20, classes: 3, rng: rng(1) });
    const b = spiral({ pointsPerClass: 20, classes: 3, rng: rng(1) });
    const c = spiral({ pointsPerClass: 20, classes: 3, rng: rng(2) });
    expect(a.x.data).toEqual(b.x.data);
    expect(a.x.data).not.toEqual(c.x.data);
  });

  test("has N·K rows, N per class, grouped by class", () => {
    const { x, y, classes } = spiral({ pointsPerClass: 50, classes: 4, rng: rng(3) });
    expect(x.shape).toEqual([200, 2]);
    expect(classes).toBe(4);
    for (let j = 0; j < 4; j++) expect(Array.from(y.subarray(j * 50, (j + 1) * 50)).every((label) => label === j)).toBe(true);
  });

  test("the radius of each arm runs evenly from 0 to 1, whatever the noise", () => {
    const pointsPerClass = 11;
    const { x } = spiral({ pointsPerClass, classes: 3, noise: 0.5, rng: rng(4) });
    for (let row = 0; row < 33; row++) {
      const radius = Math.hypot(x.get(row, 0), x.get(row, 1));
      expect(radius).toBeCloseTo((row % pointsPerClass) / (pointsPerClass - 1), 12);
    }
  });

  test("with noise 0 the point at step i of arm j is at angle t = 4j + 4i/(N−1), x = [r sin t, r cos t]", () => {
    const { x } = spiral({ pointsPerClass: 5, classes: 2, noise: 0, rng: rng(0) });
    const row = 1 * 5 + 3; // arm 1, step 3: r = 0.75, t = 4 + 3
    expect(x.get(row, 0)).toBeCloseTo(0.75 * Math.sin(7), 12);
    expect(x.get(row, 1)).toBeCloseTo(0.75 * Math.cos(7), 12);
  });

  test("rejects bad arguments, naming spiral", () => {
    const r = rng(0);
    expect(() => spiral({ pointsPerClass: 0, rng: r })).toThrow(/spiral: pointsPerClass must be a positive integer; received 0/);
    expect(() => spiral({ classes: 2.5, rng: r })).toThrow(/spiral: classes must be a positive integer; received 2.5/);
    expect(() => spiral({ noise: -1, rng: r })).toThrow(/spiral: noise must be a finite number ≥ 0; received -1/);
  });
});
