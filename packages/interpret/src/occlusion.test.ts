import { describe, expect, test } from "vitest";
import { Dense, Softmax } from "@gradschool/backprop";
import { Sequential } from "@gradschool/mlp";
import { Tensor, randn, rand, rng, zeros } from "@gradschool/tensor";
import { occlusion } from "./occlusion.ts";
import { tinyCnn } from "./test-models.ts";

/** softmax of one row of logits, written out, to recompute a probability independently. */
const softmaxOf = (logits: ArrayLike<number>, c: number) => Math.exp(logits[c]) / Array.from(logits).reduce((total, z) => total + Math.exp(z), 0);

/** A 6×6-pixel, 2-class model whose class-0 logit is 4·(pixel at row 2, column 3) and which ignores every other pixel. */
function onePixelModel(): Sequential {
  const dense = new Dense(36, 2, { rng: rng(1) });
  dense.kernel.value.data.fill(0);
  dense.kernel.value.data[(2 * 6 + 3) * 2 + 0] = 4;
  return new Sequential([dense]);
}

describe("occlusion", () => {
  test("an all-zero patch on an all-zero image changes nothing: every drop is exactly 0", () => {
    const mlp = new Sequential([new Dense(36, 3, { rng: rng(2) })]);
    mlp.params()[1].value.data.set([0.3, -0.2, 0.9]); // biases, so the probabilities are not all equal
    for (const [model, image] of [
      [mlp, zeros([1, 36])],
      [tinyCnn(), zeros([1, 1, 6, 6])],
    ] as const) {
      const map = occlusion(model, image, 2, { patch: 2, stride: 1 });
      expect(map.drop.shape).toEqual([5, 5]);
      expect(map.drop.data.every((drop) => drop === 0)).toBe(true);
      expect(map.perPixel.data.every((drop) => drop === 0)).toBe(true);
      expect(map.baseline).toBeGreaterThan(0);
    }
  });

  test("each drop is p_c(image) − p_c(image with that patch filled), recomputed by hand", () => {
    const model = tinyCnn();
    const image = rand([1, 1, 6, 6], rng(3));
    const map = occlusion(model, image, 1, { patch: 3, stride: 3, fill: 0.5 });
    expect(map.drop.shape).toEqual([2, 2]);
    const baseline = softmaxOf(model.forward(image, { training: false }).data, 1);
    expect(map.baseline).toBeCloseTo(baseline, 14);
    const occluded = new Tensor(Float64Array.from(image.data), image.shape);
    for (let row = 3; row < 6; row++) for (let column = 0; column < 3; column++) occluded.data[row * 6 + column] = 0.5; // position (1, 0)
    const expected = baseline - softmaxOf(model.forward(occluded, { training: false }).data, 1);
    expect(map.drop.data[1 * 2 + 0]).toBeCloseTo(expected, 14);
  });

  test("for a model that reads one pixel, only the patches that cover that pixel lower its class", () => {
    const image = zeros([1, 36]);
    image.data[2 * 6 + 3] = 1;
    const map = occlusion(onePixelModel(), image, 0, { patch: 2, stride: 1 });
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        const covers = i <= 2 && 2 < i + 2 && j <= 3 && 3 < j + 2;
        const drop = map.drop.data[i * 5 + j];
        if (covers) expect(drop).toBeCloseTo(softmaxOf([4, 0], 0) - 0.5, 14);
        else expect(drop).toBe(0);
      }
    }
    // perPixel: the mean over the patches covering each pixel. Pixel (2, 3) is covered by 4 patches, all of which hide it.
    expect(map.perPixel.shape).toEqual([6, 6]);
    expect(map.perPixel.data[2 * 6 + 3]).toBeCloseTo(softmaxOf([4, 0], 0) - 0.5, 14);
    // Pixel (1, 1) is covered by 4 patches, none of which reaches (2, 3).
    expect(map.perPixel.data[1 * 6 + 1]).toBe(0);
  });

  test("the answer depends on the fill: on a blank image, a patch of 1 over the pixel the model reads raises its class", () => {
    const model = onePixelModel();
    const blank = zeros([1, 36]);
    expect(occlusion(model, blank, 0, { patch: 2, fill: 0 }).drop.data.every((drop) => drop === 0)).toBe(true);
    const inked = occlusion(model, blank, 0, { patch: 2, fill: 1 });
    expect(inked.drop.data[1 * 3 + 1]).toBeCloseTo(0.5 - softmaxOf([4, 0], 0), 14); // the 2×2 patch at (2, 2) covers (2, 3)
    expect(inked.drop.data.filter((drop) => drop !== 0)).toHaveLength(1);
  });

  test("stride defaults to the patch, so the patches tile the image; leftover rows are not covered", () => {
    const model = new Sequential([new Dense(35, 2, { rng: rng(4) })]);
    const map = occlusion(model, randn([1, 35], rng(5)), 1, { patch: 2, imageShape: [5, 7] });
    expect(map.drop.shape).toEqual([2, 3]); // floor((5 − 2)/2) + 1 down, floor((7 − 2)/2) + 1 across
    expect(map.perPixel.shape).toEqual([5, 7]);
    expect(map.perPixel.data.subarray(4 * 7)).toEqual(new Float64Array(7)); // row 4 is never covered
  });

  test("a model ending in a Softmax layer gets the same map: its probabilities are not softmaxed again", () => {
    const dense = new Dense(36, 3, { rng: rng(6) });
    const image = rand([1, 36], rng(7));
    const plain = occlusion(new Sequential([dense]), image, 2, { patch: 3 });
    const withSoftmax = occlusion(new Sequential([dense, new Softmax()]), image, 2, { patch: 3 });
    expect(withSoftmax.baseline).toBe(plain.baseline);
    expect(withSoftmax.drop.data).toEqual(plain.drop.data);
  });

  test("rejects a patch larger than the image, a bad class, a batch of images and a non-square row", () => {
    const model = tinyCnn();
    const image = zeros([1, 1, 6, 6]);
    expect(() => occlusion(model, image, 0, { patch: 7 })).toThrow(/occlusion: a patch of 7×7 is larger than the 6×6 image; expected a patch of at most 6/);
    expect(() => occlusion(model, image, 0, { patch: 0 })).toThrow(/occlusion: patch must be a positive integer; received 0/);
    expect(() => occlusion(model, image, 0, { patch: 2, stride: 1.5 })).toThrow(/occlusion: stride must be a positive integer; received 1\.5/);
    expect(() => occlusion(model, image, 3, { patch: 2 })).toThrow(/occlusion: classIndex is 3; expected an integer class in 0 … 2/);
    expect(() => occlusion(model, zeros([2, 1, 6, 6]), 0, { patch: 2 })).toThrow(/occlusion: image is \[2, 1, 6, 6\]; expected one sample/);
    const rowModel = new Sequential([new Dense(35, 2, { rng: rng(8) })]);
    expect(() => occlusion(rowModel, zeros([1, 35]), 0, { patch: 2 })).toThrow(/occlusion: cannot read a sample of \[35\] as an image/);
    expect(() => occlusion(rowModel, zeros([1, 35]), 0, { patch: 2, imageShape: [6, 6] })).toThrow(/occlusion: imageShape \[6,6\] does not fit a sample of \[35\]/);
  });
});
