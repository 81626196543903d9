import { describe, expect, test } from "vitest";
import { checkGradient } from "@gradschool/gradcheck";
import { Tensor, add, mul, ones, randn, rng, sum, tensor, zipMap } from "@gradschool/tensor";
import { softmax } from "./softmax.ts";
import { expectActivationGradient } from "./test-support.ts";

describe("softmax", () => {
  test("every row is a probability distribution: positive entries that sum to 1", () => {
    const out = softmax.forward(randn([5, 7], rng(71), 3));
    const rowSums = sum(out, 1).data;
    for (const total of rowSums) expect(total).toBeCloseTo(1, 14);
    for (const p of out.data) expect(p).toBeGreaterThan(0);
  });

  test("softmax([1, 2, 3]) matches eˣ / Σeˣ computed by hand", () => {
    const total = Math.exp(1) + Math.exp(2) + Math.exp(3);
    const out = softmax.forward(tensor([1, 2, 3])).data;
    [1, 2, 3].forEach((x, i) => expect(out[i]).toBeCloseTo(Math.exp(x) / total, 15));
  });

  test("adding a constant to a row changes nothing (which is why subtracting the max is allowed)", () => {
    const x = randn([3, 4], rng(72));
    const shifted = add(x, 50);
    const [a, b] = [softmax.forward(x).data, softmax.forward(shifted).data];
    a.forEach((p, i) => expect(b[i]).toBeCloseTo(p, 13));
  });

  test("rows still sum to 1 for logits of ±1000, where the naive eˣ / Σeˣ is NaN", () => {
    const x = tensor([
      [1000, -1000, 0],
      [1000, 1000, 999],
      [-1000, -1000, -1000],
    ]);
    const out = softmax.forward(x);
    for (const p of out.data) expect(Number.isFinite(p)).toBe(true);
    for (const total of sum(out, 1).data) expect(total).toBeCloseTo(1, 14);
    expect(Array.from(out.data.slice(0, 3))).toEqual([1, 0, 0]);
    expect(out.get(2, 0)).toBeCloseTo(1 / 3, 15);
    expect(Math.exp(1000) / (Math.exp(1000) + Math.exp(-1000))).toBeNaN(); // Infinity / Infinity
  });

  test("backward matches central differences at every element, through a random projection Σ out ⊙ R", () => {
    expect(expectActivationGradient(softmax, randn([4, 6], rng(73), 2)).maxRelError).toBeLessThan(1e-6);
  });

  test("backward equals gradOut times the full Jacobian sᵢ(δᵢⱼ − sⱼ), built explicitly", () => {
    const x = randn([4], rng(74));
    const gradOut = randn([4], rng(75));
    const s = softmax.forward(x).data;
    const expected = [0, 1, 2, 3].map((j) =>
      [0, 1, 2, 3].reduce((acc, i) => acc + gradOut.data[i] * s[i] * ((i === j ? 1 : 0) - s[j]), 0),
    );
    const gradIn = softmax.backward(x, gradOut).data;
    expected.forEach((value, j) => expect(gradIn[j]).toBeCloseTo(value, 15));
  });

  test("a projection by all ones would prove nothing: Σ softmax is constant, so its gradient is 0", () => {
    const x = randn([2, 5], rng(76));
    const gradIn = softmax.backward(x, ones([2, 5]));
    for (const value of gradIn.data) expect(Math.abs(value)).toBeLessThan(1e-15);
  });

  test("the gradient check catches the classic mistake of using only the diagonal sᵢ(1 − sᵢ)", () => {
    const x = randn([3, 5], rng(77), 2);
    const projection = randn(x.shape, rng(78));
    const loss = (input: Tensor): number => sum(mul(softmax.forward(input), projection));
    const s = softmax.forward(x);
    const diagonalOnly = zipMap(s, projection, (si, g) => g * si * (1 - si));
    const report = checkGradient(loss, x, diagonalOnly);
    expect(report.ok).toBe(false);
    expect(report.maxRelError).toBeGreaterThan(0.1);
  });

  test("works along the last axis of a rank-3 tensor and on a single vector", () => {
    const x = randn([2, 3, 4], rng(79));
    for (const total of sum(softmax.forward(x), 2).data) expect(total).toBeCloseTo(1, 14);
    expect(expectActivationGradient(softmax, x).maxRelError).toBeLessThan(1e-6);
    expect(sum(softmax.forward(tensor([0.5, -1])))).toBeCloseTo(1, 15);
  });

  test("rejects a scalar, because there is no axis to normalise along", () => {
    const scalar = new Tensor(new Float64Array([2]), []);
    expect(() => softmax.forward(scalar)).toThrow(/softmax\.forward: received a scalar \(shape \[\]\)/);
  });

  test("backward rejects a gradOut of the wrong shape", () => {
    expect(() => softmax.backward(ones([2, 3]), ones([2, 4]))).toThrow(
      /softmax\.backward: gradOut is \[2, 4\] but x is \[2, 3\]/,
    );
  });

  test("the output does not alias the input", () => {
    const x = tensor([[1, 2]]);
    softmax.forward(x).data[0] = 7;
    expect(x.get(0, 0)).toBe(1);
  });
});
