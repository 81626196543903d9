import { checkGradient, expectGradientsClose } from "@gradschool/gradcheck";
import { type Tensor, rand, rng, tensor } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { quadratic, rosenbrock } from "./surfaces.ts";

const seededPoints = (count: number, seed: number, size = 2): Tensor[] => {
  const random = rng(seed);
  return Array.from({ length: count }, () => rand([size], random, -2, 2));
};

describe("rosenbrock", () => {
  test("f(1, 1) = 0 with gradient 0, and f(−1.5, 2) = 6.25 + 6.25 = 12.5", () => {
    expect(rosenbrock.value(tensor([1, 1]))).toBe(0);
    expect([...rosenbrock.gradient(tensor([1, 1])).data].map(Math.abs)).toEqual([0, 0]);
    expect(rosenbrock.value(tensor([-1.5, 2]))).toBe(12.5);
    expect(rosenbrock.minimum).toEqual([1, 1]);
  });

  test("the gradient at (−1.5, 2) by hand: (−2·2.5 − 400·(−1.5)·(−0.25), 200·(−0.25)) = (−155, −50)", () => {
    expect([...rosenbrock.gradient(tensor([-1.5, 2])).data]).toEqual([-155, -50]);
  });

  test("the gradient matches central differences at every element, at 20 seeded points", () => {
    for (const point of seededPoints(20, 1)) {
      expect(expectGradientsClose((p) => rosenbrock.value(p), point, rosenbrock.gradient(point)).maxRelError).toBeLessThan(1e-6);
    }
  });

  test("the check catches a wrong gradient: 200 instead of 400 in ∂f/∂x", () => {
    const point = tensor([0.5, 1.5]);
    const [x, y] = point.data;
    const wrong = tensor([-2 * (1 - x) - 200 * x * (y - x * x), 200 * (y - x * x)]);
    const report = checkGradient((p) => rosenbrock.value(p), point, wrong);
    expect(report.ok).toBe(false);
    expect(report.worst[0].index).toEqual([0]);
  });

  test("rejects a point that is not shape [2]", () => {
    expect(() => rosenbrock.value(tensor([1, 2, 3]))).toThrow(/rosenbrock\.value: point must be a tensor of shape \[2\]; received \[3\]/);
    expect(() => rosenbrock.gradient(tensor([[1, 2]]))).toThrow(/rosenbrock\.gradient: .*received \[1, 2\]/);
  });
});

describe("quadratic", () => {
  const bowl = quadratic([1, 50]);

  test("½(x² + 50y²) at (−4, 1) is 8 + 25 = 33, with gradient (x, 50y) = (−4, 50)", () => {
    expect(bowl.value(tensor([-4, 1]))).toBe(33);
    expect([...bowl.gradient(tensor([-4, 1])).data]).toEqual([-4, 50]);
    expect(bowl.minimum).toEqual([0, 0]);
    expect(bowl.name).toBe("quadratic (curvatures 1, 50)");
  });

  test("the gradient matches central differences at every element, in 2 and 5 dimensions", () => {
    for (const point of seededPoints(10, 2)) expectGradientsClose((p) => bowl.value(p), point, bowl.gradient(point));
    const stretched = quadratic([0.5, 1, 2, 10, 100]);
    for (const point of seededPoints(10, 3, 5)) {
      expect(expectGradientsClose((p) => stretched.value(p), point, stretched.gradient(point)).maxRelError).toBeLessThan(1e-6);
    }
  });

  test("rejects curvatures that are empty or not positive, and a point of the wrong size", () => {
    expect(() => quadratic([])).toThrow(/quadratic: curvatures must be a non-empty list of finite numbers > 0; received \[\]/);
    expect(() => quadratic([1, -2])).toThrow(/received \[1,-2\]/);
    expect(() => bowl.value(tensor([1, 2, 3]))).toThrow(/quadratic\(\[1, 50\]\)\.value: point must be a tensor of shape \[2\]; received \[3\]/);
  });
});
