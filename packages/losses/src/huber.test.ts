import { map, randn, rng, sub, tensor, zipMap } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { huber } from "./huber.ts";
import { mse } from "./mse.ts";
import { expectLossGradient } from "./test-support.ts";

describe("huber", () => {
  test("is ½r² inside δ and δ(|r| − ½δ) outside: residuals [−0.5, 0.5, 0, −3] give 0.6875", () => {
    const loss = huber(1).forward(tensor([-0.5, 0.5, 0, -3]), tensor([0, 0, 0, 0]));
    expect(loss).toBe((0.125 + 0.125 + 0 + 2.5) / 4);
  });

  test("its gradient grows with the error up to δ and is capped at δ/n beyond", () => {
    const grad = huber(2).backward(tensor([0.5, -1.5, 10, -10]), tensor([0, 0, 0, 0]));
    expect(Array.from(grad.data)).toEqual([0.5 / 4, -1.5 / 4, 2 / 4, -2 / 4]);
  });

  test("when every error is within δ it is half the mse", () => {
    const random = rng(5);
    const target = randn([6, 2], random);
    const pred = zipMap(target, randn([6, 2], random, 0.3), (t, noise) => t + noise);
    expect(Math.max(...map(sub(pred, target), Math.abs).data)).toBeLessThan(10);
    expect(huber(10).forward(pred, target)).toBeCloseTo(mse.forward(pred, target) / 2, 14);
  });

  test("value and slope are continuous where the pieces meet, at |r| = δ", () => {
    const delta = 1.5;
    const loss = huber(delta);
    const target = tensor([0]);
    const justInside = tensor([delta - 1e-9]);
    const justOutside = tensor([delta + 1e-9]);
    expect(loss.forward(justOutside, target) - loss.forward(justInside, target)).toBeCloseTo(0, 8);
    expect(loss.backward(justOutside, target).item() - loss.backward(justInside, target).item()).toBeCloseTo(0, 8);
  });

  test("backward matches central differences at every element, on both pieces", () => {
    const delta = 1;
    const random = rng(6);
    const target = randn([6, 4], random);
    // sizes 0.1 … 0.8 on even elements, 1.2 … 3 on odd ones: both pieces, away from the joins at ±δ
    const residuals = map(target, (_, i) => {
      const sign = random.uniform() < 0.5 ? -1 : 1;
      return sign * (i % 2 === 0 ? random.uniform(0.1, 0.8) : random.uniform(1.2, 3));
    });
    const pred = zipMap(target, residuals, (t, r) => t + r);
    const sizes = Array.from(residuals.data, Math.abs);
    expect(sizes.some((r) => r < delta)).toBe(true);
    expect(sizes.some((r) => r > delta)).toBe(true);
    const report = expectLossGradient(huber(delta), pred, target);
    expect(report.maxRelError).toBeLessThan(1e-6);
  });

  test("is named with its delta", () => {
    expect(huber(0.5).name).toBe("huber(delta=0.5)");
    expect(huber().name).toBe("huber(delta=1)");
  });

  test("rejects a delta that is not positive", () => {
    expect(() => huber(0)).toThrow(/huber: delta must be a positive number; received 0/);
    expect(() => huber(Number.NaN)).toThrow(/received NaN/);
  });

  test("rejects mismatched shapes, naming the loss and both shapes", () => {
    expect(() => huber(1).forward(tensor([1, 2]), tensor([1, 2, 3]))).toThrow(
      /huber\(delta=1\)\.forward: pred is \[2\] but target is \[3\]/,
    );
  });
});
