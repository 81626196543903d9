import { describe, expect, test } from "vitest";
import { ones, rand, randn, rng, tensor, zeros } from "@gradschool/tensor";
import { expectLayerGradientsClose } from "@gradschool/gradcheck";
import { Dropout } from "./dropout.ts";

const training = { training: true };

describe("Dropout", () => {
  test("in training it keeps about 1 − rate of the elements and scales them by 1/(1 − rate)", () => {
    const dropout = new Dropout(0.3, { rng: rng(1) });
    const out = dropout.forward(ones([200, 500]), training);
    const kept = out.data.filter((v) => v !== 0);
    expect(kept.length / out.size).toBeCloseTo(0.7, 2); // 100,000 draws: the standard error is 0.0014
    expect(new Set(kept)).toEqual(new Set([1 / 0.7]));
  });

  test("its expected output equals the input: the mean over many masks comes back to x", () => {
    const dropout = new Dropout(0.5, { rng: rng(2) });
    const x = randn([4, 5], rng(3));
    const draws = 20_000;
    const total = zeros(x.shape);
    for (let draw = 0; draw < draws; draw++) {
      const out = dropout.forward(x, training);
      for (let i = 0; i < x.size; i++) total.data[i] += out.data[i];
    }
    // Each draw is x or 0 scaled by 2, so the mean has standard error |x|/√20000 ≈ 0.007·|x|.
    for (let i = 0; i < x.size; i++) {
      expect(Math.abs(total.data[i] / draws - x.data[i])).toBeLessThan(0.04 * Math.abs(x.data[i]));
    }
  });

  test("at inference it is the identity, forward and backward", () => {
    const dropout = new Dropout(0.5, { rng: rng(4) });
    const x = randn([3, 4], rng(5));
    const gradOut = randn([3, 4], rng(6));
    expect(dropout.forward(x, { training: false })).toBe(x);
    expect(dropout.backward(gradOut)).toBe(gradOut);
    expect(dropout.forward(x)).toBe(x); // no context means inference, as in predict
  });

  test("backward lets gradient through only where forward kept the element, scaled the same way", () => {
    const dropout = new Dropout(0.5, { rng: rng(7) });
    const out = dropout.forward(ones([4, 8]), training);
    const gradInput = dropout.backward(ones([4, 8]));
    expect([...gradInput.data]).toEqual([...out.data]); // both are m / (1 − rate)
    expect(out.data.some((v) => v === 0)).toBe(true);
  });

  test("backward matches central differences for every element, with the mask fixed", () => {
    const dropout = new Dropout(0.4, { rng: rng(8) });
    const mask = rand([5, 6], rng(9)).data.map((u) => (u < 0.4 ? 0 : 1));
    dropout.fixMask(tensor(mask, [5, 6]));
    const report = expectLayerGradientsClose(dropout, [5, 6], rng(10), training);
    expect(report.input.maxRelError).toBeLessThan(1e-8);
  });

  test("a fixed mask is used on every training forward, until fixMask(null)", () => {
    const dropout = new Dropout(0.5, { rng: rng(11) });
    dropout.fixMask(tensor([[1, 0, 1]]));
    const x = tensor([[2, 3, 4]]);
    expect([...dropout.forward(x, training).data]).toEqual([4, 0, 8]);
    expect([...dropout.forward(x, training).data]).toEqual([4, 0, 8]);
    dropout.fixMask(null);
    const masks = new Set(Array.from({ length: 20 }, () => dropout.forward(x, training).data.join(",")));
    expect(masks.size).toBeGreaterThan(1);
  });

  test("the same seed drops the same elements", () => {
    const x = ones([6, 7]);
    const first = new Dropout(0.5, { rng: rng(12) }).forward(x, training);
    const second = new Dropout(0.5, { rng: rng(12) }).forward(x, training);
    expect([...first.data]).toEqual([...second.data]);
  });

  test("rate 0 keeps everything in training too", () => {
    const x = randn([3, 3], rng(13));
    expect([...new Dropout(0, { rng: rng(14) }).forward(x, training).data]).toEqual([...x.data]);
  });

  test("it has no parameters and keeps any shape", () => {
    const dropout = new Dropout(0.2, { rng: rng(15), name: "drop" });
    expect(dropout.params()).toEqual([]);
    expect(dropout.outputShape([32, 3, 28, 28])).toEqual([32, 3, 28, 28]);
    expect(dropout.name).toBe("drop");
    expect(dropout.config()).toEqual({ rate: 0.2, name: "drop" });
  });

  test("a rate outside [0, 1) is rejected, naming what rate means", () => {
    for (const rate of [1, -0.1, 1.5, Number.NaN]) {
      expect(() => new Dropout(rate, { rng: rng(0) })).toThrow(new RegExp(`Dropout: rate must be in \\[0, 1\\).*received ${rate}`));
    }
  });

  test("a missing rng is rejected with an example", () => {
    // @ts-expect-error: the options are required
    expect(() => new Dropout(0.5)).toThrow(/Dropout: options\.rng is required/);
  });

  test("backward before forward is an error naming the layer", () => {
    expect(() => new Dropout(0.5, { rng: rng(0), name: "drop1" }).backward(ones([2, 2]))).toThrow(
      /Dropout\.backward: layer "drop1" has not run forward yet/,
    );
  });

  test("a gradOut of the wrong shape is rejected, naming both shapes", () => {
    const dropout = new Dropout(0.5, { rng: rng(0) });
    dropout.forward(ones([2, 3]), training);
    expect(() => dropout.backward(ones([3, 2]))).toThrow(/Dropout\.backward: gradOut is \[3, 2\]; expected \[2, 3\]/);
  });

  test("an input that is not a Tensor is rejected, with the fix", () => {
    expect(() => new Dropout(0.5, { rng: rng(0) }).forward([[1, 2]] as never, training)).toThrow(
      /Dropout\.forward: x must be a Tensor; received an array \(wrap it with tensor/,
    );
  });

  test("a mask that is not 0/1, or not the shape of x, is rejected", () => {
    const dropout = new Dropout(0.5, { rng: rng(0) });
    expect(() => dropout.fixMask(tensor([1, 0.5]))).toThrow(/Dropout\.fixMask: mask holds 0\.5 at flat index 1; expected only 0/);
    dropout.fixMask(ones([2, 2]));
    expect(() => dropout.forward(ones([2, 3]), training)).toThrow(/Dropout\.forward: the fixed mask is \[2, 2\] but x is \[2, 3\]/);
  });
});
