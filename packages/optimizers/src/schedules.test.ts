import { describe, expect, test } from "vitest";
import { SGD } from "./sgd.ts";
import { constant, cosineAnnealing, exponentialDecay, linearWarmup, stepDecay } from "./schedules.ts";
import { param } from "./test-support.ts";

describe("learning-rate schedules", () => {
  test("constant(0.1) is 0.1 at every step", () => {
    const schedule = constant(0.1);
    expect([0, 1, 1000].map(schedule)).toEqual([0.1, 0.1, 0.1]);
  });

  test("stepDecay(0.1, 10, 0.5) halves the rate every 10 steps", () => {
    const schedule = stepDecay(0.1, 10, 0.5);
    // ⌊step/10⌋ = 0, 0, 1, 1, 2, 3
    expect([0, 9, 10, 19, 25, 30].map(schedule)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.0125]);
  });

  test("exponentialDecay(0.1, 0.9) multiplies by 0.9 every step", () => {
    const schedule = exponentialDecay(0.1, 0.9);
    expect(schedule(0)).toBe(0.1);
    expect(schedule(1)).toBeCloseTo(0.09, 15);
    expect(schedule(2)).toBeCloseTo(0.081, 15);
    expect(schedule(10)).toBeCloseTo(0.1 * 0.3486784401, 15); // 0.9¹⁰ = 0.3486784401
  });

  test("cosineAnnealing(0.1, 100, 0.001) falls along half a cosine from 0.1 to 0.001, then stays", () => {
    const schedule = cosineAnnealing(0.1, 100, 0.001);
    expect(schedule(0)).toBe(0.1);
    // step 25: 0.001 + ½·0.099·(1 + cos(π/4)) = 0.001 + 0.0495·1.7071068 = 0.0855018
    expect(schedule(25)).toBeCloseTo(0.0855018, 7);
    expect(schedule(50)).toBeCloseTo(0.0505, 15); // the midpoint: cos(π/2) = 0
    // step 75: 0.001 + 0.0495·(1 − 0.7071068) = 0.0154982
    expect(schedule(75)).toBeCloseTo(0.0154982, 7);
    expect(schedule(100)).toBe(0.001);
    expect(schedule(150)).toBe(0.001);
  });

  test("cosineAnnealing never rises, and its first and last quarters move less than its middle half", () => {
    const schedule = cosineAnnealing(1, 100);
    for (let step = 1; step <= 120; step++) expect(schedule(step)).toBeLessThanOrEqual(schedule(step - 1));
    expect(schedule(0) - schedule(25)).toBeLessThan(schedule(25) - schedule(75));
    expect(schedule(75) - schedule(100)).toBeLessThan(schedule(25) - schedule(75));
  });

  test("linearWarmup(4, cosine) ramps up over 4 steps, then runs the cosine from its own step 0", () => {
    const cosine = cosineAnnealing(0.1, 100, 0.001);
    const schedule = linearWarmup(4, cosine);
    // step < 4: 0.1·(step + 1)/5
    expect([0, 1, 2, 3].map(schedule).map((lr) => Number(lr.toFixed(15)))).toEqual([0.02, 0.04, 0.06, 0.08]);
    expect(schedule(4)).toBe(0.1); // cosine(0)
    expect(schedule(54)).toBe(cosine(50));
    expect(schedule(104)).toBe(0.001);
  });

  test("warmups nest: linearWarmup(2, stepDecay(…)) shifts the decay by 2 steps", () => {
    const schedule = linearWarmup(2, stepDecay(0.3, 3, 0.1));
    // 0.3·1/3, 0.3·2/3, then 0.3 for three steps, then 0.03
    expect([0, 1, 2, 3, 4, 5].map(schedule).map((lr) => Number(lr.toPrecision(12)))).toEqual([0.1, 0.2, 0.3, 0.3, 0.3, 0.03]);
  });

  test("driving an optimizer: optimizer.lr = schedule(step) before each step", () => {
    const schedule = exponentialDecay(0.1, 0.5);
    const sgd = new SGD({ lr: schedule(0) });
    const w = param([0]);
    for (let step = 0; step < 3; step++) {
      sgd.lr = schedule(step);
      w.grad.data.set([1]);
      sgd.step([w]);
    }
    expect(w.value.data[0]).toBeCloseTo(-(0.1 + 0.05 + 0.025), 15);
  });

  test("a schedule rejects a negative or fractional step", () => {
    expect(() => constant(0.1)(-1)).toThrow(/constant: step must be a whole number ≥ 0; received -1/);
    expect(() => cosineAnnealing(0.1, 10)(2.5)).toThrow(/cosineAnnealing: step must be a whole number ≥ 0; received 2\.5/);
  });

  test("bad hyper-parameters are rejected with the schedule's name, the value and the range", () => {
    expect(() => constant(0)).toThrow(/constant: lr must be a finite number > 0; received 0/);
    expect(() => stepDecay(0.1, 0, 0.5)).toThrow(/stepDecay: stepSize must be a whole number ≥ 1; received 0/);
    expect(() => stepDecay(0.1, 10, 1.5)).toThrow(/stepDecay: gamma must be in \(0, 1\]; received 1\.5/);
    expect(() => exponentialDecay(0.1, 0)).toThrow(/exponentialDecay: gamma must be in \(0, 1\]; received 0/);
    expect(() => cosineAnnealing(0.1, 0)).toThrow(/cosineAnnealing: tMax must be a whole number ≥ 1; received 0/);
    expect(() => cosineAnnealing(0.1, 100, 0.2)).toThrow(/cosineAnnealing: etaMin must be ≤ lr; received etaMin 0\.2 with lr 0\.1/);
    expect(() => linearWarmup(0, constant(0.1))).toThrow(/linearWarmup: warmupSteps must be a whole number ≥ 1; received 0/);
    expect(() => linearWarmup(10, 0.1 as unknown as () => number)).toThrow(/linearWarmup: after must be a schedule, \(step\) => lr; received number/);
  });
});
