import { describe, expect, test } from "vitest";
import { type Tensor, rng } from "@gradschool/tensor";
import { type Initializer, initializers as backpropInitializers } from "@gradschool/backprop";
import { initializers } from "./initializers.ts";

/** The sample mean and variance of every element. */
function moments(t: Tensor): { mean: number; variance: number } {
  let total = 0;
  for (const v of t.data) total += v;
  const mean = total / t.size;
  let squares = 0;
  for (const v of t.data) squares += (v - mean) ** 2;
  return { mean, variance: squares / t.size };
}

// 100,000 draws: the sample variance is within about 1% of the true one (6 standard errors
// are under 3%), and the sample mean within 0.02σ of 0.
const [fanIn, fanOut] = [400, 250];
const shape = [fanIn, fanOut];

const variances: Array<[string, Initializer, number]> = [
  ["uniform()", initializers.uniform(), 0.05 ** 2 / 3],
  ["normal()", initializers.normal(), 0.05 ** 2],
  ["glorotUniform", initializers.glorotUniform, 2 / (fanIn + fanOut)],
  ["glorotNormal", initializers.glorotNormal, 2 / (fanIn + fanOut)],
  ["heUniform", initializers.heUniform, 2 / fanIn],
  ["heNormal", initializers.heNormal, 2 / fanIn],
  ["lecunNormal", initializers.lecunNormal, 1 / fanIn],
];

describe("initializers", () => {
  test("zeros fills the shape with 0", () => {
    const bias = initializers.zeros([2, 3], 2, 3, rng(0));
    expect(bias.shape).toEqual([2, 3]);
    expect([...bias.data]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  for (const [name, init, variance] of variances) {
    test(`${name} has mean 0 and variance ${variance.toPrecision(3)} for fanIn ${fanIn}, fanOut ${fanOut}`, () => {
      const weights = init(shape, fanIn, fanOut, rng(11));
      expect(weights.shape).toEqual(shape);
      const drawn = moments(weights);
      expect(Math.abs(drawn.mean)).toBeLessThan(0.02 * Math.sqrt(variance));
      expect(drawn.variance / variance).toBeGreaterThan(0.97);
      expect(drawn.variance / variance).toBeLessThan(1.03);
    });
  }

  test("the uniform ones stay inside their limits and use the whole range", () => {
    const limits: Array<[string, Tensor, number]> = [
      ["uniform", initializers.uniform()(shape, fanIn, fanOut, rng(1)), 0.05],
      ["uniform(0.3)", initializers.uniform(0.3)(shape, fanIn, fanOut, rng(2)), 0.3],
      ["glorotUniform", initializers.glorotUniform(shape, fanIn, fanOut, rng(3)), Math.sqrt(6 / (fanIn + fanOut))],
      ["heUniform", initializers.heUniform(shape, fanIn, fanOut, rng(4)), Math.sqrt(6 / fanIn)],
    ];
    for (const [, weights, limit] of limits) {
      const largest = Math.max(...weights.data);
      const smallest = Math.min(...weights.data);
      expect(largest).toBeLessThan(limit);
      expect(smallest).toBeGreaterThanOrEqual(-limit);
      expect(largest).toBeGreaterThan(0.999 * limit);
      expect(smallest).toBeLessThan(-0.999 * limit);
    }
  });

  test("normal(std) and uniform(limit) use the scale they are given", () => {
    expect(moments(initializers.normal(0.5)(shape, fanIn, fanOut, rng(5))).variance / 0.25).toBeCloseTo(1, 1);
    expect(moments(initializers.uniform(0.5)(shape, fanIn, fanOut, rng(6))).variance / (0.25 / 3)).toBeCloseTo(1, 1);
  });

  test("every initializer gives the same weights for the same seed, and different ones for another", () => {
    for (const [, init] of variances) {
      const draw = (seed: number) => [...init([4, 5], 4, 5, rng(seed)).data];
      expect(draw(9)).toEqual(draw(9));
      expect(draw(9)).not.toEqual(draw(10));
    }
  });

  test("zeros, normal, glorotUniform and heNormal are backprop's own, not copies", () => {
    expect(initializers.zeros).toBe(backpropInitializers.zeros);
    expect(initializers.normal).toBe(backpropInitializers.normal);
    expect(initializers.glorotUniform).toBe(backpropInitializers.glorotUniform);
    expect(initializers.heNormal).toBe(backpropInitializers.heNormal);
  });

  test("a fan that is not a positive integer is rejected, naming the initializer", () => {
    expect(() => initializers.heUniform([3, 2], 0, 2, rng(0))).toThrow(/initializers\.heUniform: fanIn .*received 0/);
    expect(() => initializers.glorotNormal([3, 2], 3, 1.5, rng(0))).toThrow(/initializers\.glorotNormal: fanOut .*received 1\.5/);
    expect(() => initializers.lecunNormal([3, 2], -1, 2, rng(0))).toThrow(/initializers\.lecunNormal: fanIn/);
  });

  test("uniform rejects a limit that is not a positive number", () => {
    expect(() => initializers.uniform(0)).toThrow(/initializers\.uniform: limit .*received 0/);
    expect(() => initializers.uniform(Number.NaN)).toThrow(/initializers\.uniform: limit .*received NaN/);
  });
});
