import { describe, expect, test } from "vitest";
import { type Tensor, map, matmul, mean, rng, randn } from "@gradschool/tensor";
import { type Initializer, initializers } from "./initializers.ts";

const variance = (t: Tensor): number => {
  const average = mean(t);
  return mean(map(t, (v) => (v - average) ** 2));
};

describe("initializers", () => {
  test("zeros fills the shape with 0", () => {
    const bias = initializers.zeros([3, 2], 3, 2, rng(0));
    expect(bias.shape).toEqual([3, 2]);
    expect([...bias.data]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test("normal() defaults to std 0.05, as Keras's RandomNormal", () => {
    const weights = initializers.normal()([200, 100], 200, 100, rng(1));
    expect(Math.abs(mean(weights))).toBeLessThan(0.002);
    expect(Math.sqrt(variance(weights))).toBeCloseTo(0.05, 3);
  });

  test("normal(std) draws with the std it is given", () => {
    const weights = initializers.normal(2)([200, 100], 200, 100, rng(2));
    expect(Math.sqrt(variance(weights))).toBeCloseTo(2, 1);
  });

  test("glorotUniform stays inside ±√(6/(fanIn+fanOut)) and has variance 2/(fanIn+fanOut)", () => {
    const [fanIn, fanOut] = [300, 100];
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const weights = initializers.glorotUniform([fanIn, fanOut], fanIn, fanOut, rng(3));
    expect(weights.shape).toEqual([fanIn, fanOut]);
    expect(Math.max(...weights.data)).toBeLessThan(limit);
    expect(Math.min(...weights.data)).toBeGreaterThanOrEqual(-limit);
    expect(Math.max(...weights.data)).toBeGreaterThan(0.99 * limit); // it uses the whole range
    expect(variance(weights) / (2 / (fanIn + fanOut))).toBeCloseTo(1, 1);
  });

  test("heNormal has variance 2/fanIn", () => {
    const weights = initializers.heNormal([400, 100], 400, 100, rng(4));
    expect(Math.abs(mean(weights))).toBeLessThan(0.002);
    expect(variance(weights) / (2 / 400)).toBeCloseTo(1, 1);
  });

  test("the same seed gives the same weights", () => {
    const draw = (init: Initializer) => [...init([4, 5], 4, 5, rng(9)).data];
    for (const init of [initializers.normal(), initializers.glorotUniform, initializers.heNormal]) {
      expect(draw(init)).toEqual(draw(init));
    }
  });

  test("heNormal keeps the signal's variance steady through ten ReLU layers; normal(0.05) lets it vanish", () => {
    // Var(y) = fanIn · Var(w) · E[x²]: He's Var(w) = 2/fanIn makes the factor 1 after ReLU halves it.
    const width = 256;
    const signalVarianceAfter = (init: Initializer): number => {
      const random = rng(5);
      let x = randn([64, width], random);
      for (let layer = 0; layer < 10; layer++) {
        x = map(matmul(x, init([width, width], width, width, random)), (v) => Math.max(0, v));
      }
      return mean(map(x, (v) => v * v)); // E[x²], the second moment ReLU keeps
    };
    const he = signalVarianceAfter(initializers.heNormal);
    expect(he).toBeGreaterThan(0.5);
    expect(he).toBeLessThan(2);
    expect(signalVarianceAfter(initializers.normal(0.05))).toBeLessThan(1e-3);
  });

  test("bad arguments are rejected with the initializer's name", () => {
    expect(() => initializers.normal(-1)).toThrow(/initializers\.normal: std must be a finite number ≥ 0; received -1/);
    expect(() => initializers.glorotUniform([0, 3], 0, 3, rng(0))).toThrow(/initializers\.glorotUniform: fanIn must be a positive integer; received 0/);
    expect(() => initializers.heNormal([3, 2], 3.5, 2, rng(0))).toThrow(/initializers\.heNormal: fanIn .* received 3\.5/);
  });
});
