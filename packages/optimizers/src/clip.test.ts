import { tensor, zeros } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { clipGradNorm, clipGradValue } from "./clip.ts";
import type { Param } from "./param.ts";

const withGrad = (name: string, grad: number[]): Param => ({ name, value: zeros([grad.length]), grad: tensor(grad) });

describe("clipGradValue", () => {
  test("clamps every element into [−clipValue, clipValue] and leaves the rest alone", () => {
    const a = withGrad("a", [-3, -0.5, 0, 0.5, 3]);
    const b = withGrad("b", [10]);
    clipGradValue([a, b], 1);
    expect([...a.grad.data]).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect([...b.grad.data]).toEqual([1]);
  });

  test("rejects clipValue ≤ 0 and a NaN gradient", () => {
    expect(() => clipGradValue([withGrad("a", [1])], 0)).toThrow(/clipGradValue: clipValue must be a finite number > 0; received 0/);
    expect(() => clipGradValue([withGrad("a", [1, Number.NaN])], 1)).toThrow(
      /clipGradValue: parameter "a" has a non-finite gradient NaN at index \[1\]/,
    );
  });
});

describe("clipGradNorm", () => {
  test("returns the norm over all parameters together: ‖[3, 4, 12]‖ = 13", () => {
    const a = withGrad("a", [3, 4]);
    const b = withGrad("b", [12]);
    expect(clipGradNorm([a, b], 100)).toBe(13);
  });

  test("scales every gradient by maxNorm / (‖g‖ + 1e-6), keeping the direction", () => {
    const a = withGrad("a", [3, 4]);
    const b = withGrad("b", [12]);
    clipGradNorm([a, b], 6.5);
    const factor = 6.5 / (13 + 1e-6); // ≈ ½
    expect([...a.grad.data, ...b.grad.data]).toEqual([3 * factor, 4 * factor, 12 * factor]);
    expect(Math.hypot(...a.grad.data, ...b.grad.data)).toBeCloseTo(6.5, 6);
  });

  test("leaves a gradient shorter than maxNorm exactly as it was", () => {
    const a = withGrad("a", [0.3, -0.4]);
    expect(clipGradNorm([a], 1)).toBeCloseTo(0.5, 15);
    expect([...a.grad.data]).toEqual([0.3, -0.4]);
  });

  test("measures gradients near 1e200 without overflowing: the norm of [3e200, 4e200] is 5e200", () => {
    const a = withGrad("a", [3e200, 4e200]);
    expect(clipGradNorm([a], 1) / 5e200).toBeCloseTo(1, 12);
    expect(Math.hypot(...a.grad.data)).toBeCloseTo(1, 12);
  });

  test("rejects maxNorm ≤ 0, a grad of the wrong shape and an infinite gradient", () => {
    expect(() => clipGradNorm([withGrad("a", [1])], -1)).toThrow(/clipGradNorm: maxNorm must be a finite number > 0; received -1/);
    const misshapen: Param = { name: "kernel", value: zeros([2, 2]), grad: zeros([4]) };
    expect(() => clipGradNorm([misshapen], 1)).toThrow(/clipGradNorm: parameter "kernel" has value \[2, 2\] but grad \[4\]/);
    expect(() => clipGradNorm([withGrad("a", [Number.POSITIVE_INFINITY])], 1)).toThrow(
      /clipGradNorm: parameter "a" has a non-finite gradient Infinity at index \[0\]/,
    );
  });
});
