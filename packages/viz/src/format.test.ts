import { describe, expect, test } from "vitest";
import { decimalsFor, formatDuration, formatMetric, formatRate, formatSignificant, formatTick } from "./format.ts";

describe("axis labels", () => {
  test("decimalsFor gives the decimals that write a round step exactly", () => {
    expect([2, 0.5, 0.25, 0.1, 1.5, 0.002, 100].map(decimalsFor)).toEqual([0, 1, 2, 1, 1, 3, 0]);
  });

  test("formatTick writes a value with its step's decimals and never as -0", () => {
    expect(formatTick(2.2, 0.2)).toBe("2.2");
    expect(formatTick(0.0125, 0.0025)).toBe("0.0125");
    expect(formatTick(1500, 500)).toBe("1500");
    expect(formatTick(-0.00001, 0.5)).toBe("0.0");
  });

  test("formatTick switches to exponent notation for huge or tiny values", () => {
    expect(formatTick(2e7, 1e6)).toBe("2.00e7");
    expect(formatTick(3e-5, 1e-5)).toBe("3.00e-5");
  });
});

describe("formatSignificant", () => {
  test("keeps three significant digits without an exponent between 1e-3 and 1e5", () => {
    expect(formatSignificant(2.302585)).toBe("2.30");
    expect(formatSignificant(0.001234)).toBe("0.00123");
    expect(formatSignificant(12345)).toBe("12345");
    expect(formatSignificant(1.2e-5)).toBe("1.20e-5");
  });
});

describe("formatMetric", () => {
  test("prints a loss with four decimals, tiny values in exponent notation, NaN by name", () => {
    expect(formatMetric(2.302585)).toBe("2.3026");
    expect(formatMetric(0.03121)).toBe("0.0312");
    expect(formatMetric(0.00012)).toBe("1.20e-4");
    expect(formatMetric(NaN)).toBe("NaN");
    expect(formatMetric(-Infinity)).toBe("-Infinity");
  });
});

describe("formatDuration and formatRate", () => {
  test("durations read like a clock", () => {
    expect([0.42, 3, 12.4, 185, 3720, Infinity].map(formatDuration)).toEqual(["0.4s", "3.0s", "12s", "3m05s", "1h02m", "--"]);
  });

  test("rates keep three significant digits", () => {
    expect(formatRate(2410.6)).toBe("2411 it/s");
    expect(formatRate(41.234)).toBe("41.2 it/s");
    expect(formatRate(0.5234)).toBe("0.523 it/s");
    expect(formatRate(NaN)).toBe("-- it/s");
  });
});
