import { describe, expect, test } from "vitest";
import { niceStep, xAxisLines } from "./x-axis.ts";

describe("xAxisLines", () => {
  test("labels both ends and round values between, under their tick marks", () => {
    const [axis, values] = xAxisLines({ from: 0, to: 1999, columns: 41, gutter: 4, label: "step" });
    expect(axis).toBe("     └─────────┬─────────┬─────────┬─────────┬");
    expect(values).toBe("step 0        500       1000      1500    1999");
  });

  test("every tick value sits on its tick mark", () => {
    const [axis, values] = xAxisLines({ from: -4, to: 4, columns: 61, gutter: 3, label: "x" });
    expect(values.trim().split(/\s+/)).toEqual(["x", "-4", "-2", "0", "2", "4"]);
    for (const tick of ["-2", "0", "2"]) {
      const start = values.indexOf(` ${tick} `) + 1;
      const centre = start + Math.floor((tick.length - 1) / 2);
      expect(axis[centre]).toBe("┬");
    }
  });

  test("an end between round values gets one more decimal than the ticks", () => {
    const [, values] = xAxisLines({ from: 0, to: 2 * Math.PI, columns: 40, gutter: 3, label: "x" });
    expect(values.trim().split(/\s+/)).toEqual(["x", "0", "2", "4", "6.3"]);
  });
});

describe("niceStep", () => {
  test("picks 1, 2 or 5 × 10ᵏ so the span splits into at most the ticks asked for", () => {
    expect(niceStep(1999, 4, true)).toBe(500);
    expect(niceStep(8, 8, false)).toBe(1);
    expect(niceStep(0.9, 4, false)).toBeCloseTo(0.5);
    expect(niceStep(3, 10, true)).toBe(1);
  });
});
