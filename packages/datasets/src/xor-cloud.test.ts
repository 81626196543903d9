import { describe, test, expect } from "vitest";
import { rng } from "@gradschool/tensor";
import { xorCloud } from "./xor-cloud.ts";

describe("xorCloud", () => {
  test("the same seed gives identical points; a different seed gives different ones", () => {
    const a = xorCloud({ samples: 40, noise: 0.2, rng: rng(1) });
    const b = xorCloud({ samples: 40, noise: 0.2, rng: rng(1) });
    const c = xorCloud({ samples: 40, noise: 0.2, rng: rng(2) });
    expect(a.x.data).toEqual(b.x.data);
    expect(a.y).toEqual(b.y);
    expect(a.x.data).not.toEqual(c.x.data);
  });

  test("every point lies near its corner and carries the corner's XOR label", () => {
    const { x, y, classes } = xorCloud({ samples: 400, noise: 0.1, rng: rng(3) });
    expect(x.shape).toEqual([400, 2]);
    expect(classes).toBe(2);
    for (let i = 0; i < 400; i++) {
      const bit1 = Math.round(x.get(i, 0));
      const bit2 = Math.round(x.get(i, 1));
      expect(y[i]).toBe(bit1 ^ bit2); // noise 0.1 is far too small to cross the 0.5 midline
    }
  });

  test("with noise 0 the points are exactly the four corners, dealt in turn", () => {
    const { x, y } = xorCloud({ samples: 8, noise: 0, rng: rng(0) });
    expect(x.toArray()).toEqual([[0, 0], [0, 1], [1, 0], [1, 1], [0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(Array.from(y)).toEqual([0, 1, 1, 0, 0, 1, 1, 0]);
  });

  test("the two classes are balanced", () => {
    const { y } = xorCloud({ samples: 100, rng: rng(4) });
    expect(y.filter((label) => label === 1).length).toBe(50);
  });

  test("rejects bad arguments, naming xorCloud", () => {
    expect(() => xorCloud({ samples: 0, rng: rng(0) })).toThrow(/xorCloud: samples must be a positive integer; received 0/);
    expect(() => xorCloud({ noise: -1, rng: rng(0) })).toThrow(/xorCloud: noise must be a finite number ≥ 0; received -1/);
  });
});
