import { describe, expect, test } from "vitest";
import { Dense, ReLU } from "@gradschool/backprop";
import { Conv2D, Flatten } from "@gradschool/cnn";
import { BatchNorm, Sequential } from "@gradschool/mlp";
import { Tensor, rng } from "@gradschool/tensor";
import { firstLayerWeights } from "./first-layer-weights.ts";
import { tinyCnn } from "./test-models.ts";

describe("firstLayerWeights", () => {
  test("a Dense(784, 4) gives 4 pictures of 28×28, picture u being column u of the kernel", () => {
    const hidden = new Dense(784, 4, { rng: rng(1), name: "hidden" });
    const weights = firstLayerWeights(new Sequential([hidden, new ReLU(), new Dense(4, 10, { rng: rng(2) })]));
    expect({ ...weights, images: weights.images.length }).toEqual({ layer: "hidden", units: 4, channels: 1, height: 28, width: 28, images: 4 });
    const kernel = hidden.kernel.value.data;
    for (const [pixel, unit] of [[0, 0], [783, 3], [14 * 28 + 5, 2]]) expect(weights.images[unit][pixel]).toBe(kernel[pixel * 4 + unit]);
  });

  test("a unit's pre-activation is largest for the unit-length input that looks like its picture", () => {
    const hidden = new Dense(36, 3, { rng: rng(3) });
    const picture = firstLayerWeights(new Sequential([hidden])).images[1];
    const norm = Math.hypot(...picture);
    const preActivation = (x: Float64Array) => hidden.forward(new Tensor(x, [1, 36])).data[1] - hidden.bias.value.data[1];
    const best = preActivation(picture.map((w) => w / norm));
    expect(best).toBeCloseTo(norm, 12); // w·(w/|w|) = |w|
    const random = rng(4);
    for (let trial = 0; trial < 50; trial++) {
      const x = new Float64Array(36).map(() => random.normal());
      const length = Math.hypot(...x);
      expect(preActivation(x.map((v) => v / length))).toBeLessThan(best);
    }
  });

  test("a Conv2D's pictures are its filters, kernel [outC, inC, kH, kW] read filter by filter", () => {
    const model = tinyCnn();
    const conv = model.layers[0] as Conv2D;
    const weights = firstLayerWeights(model);
    expect([weights.layer, weights.units, weights.channels, weights.height, weights.width]).toEqual(["conv", 2, 1, 3, 3]);
    expect(Array.from(weights.images[1])).toEqual(Array.from(conv.kernel.value.data.subarray(9, 18)));
  });

  test("a Flatten before the first Dense is skipped, and imageShape lays out a non-square row", () => {
    const dense = new Dense(12, 2, { rng: rng(5), name: "first" });
    const model = new Sequential([new Flatten(), dense]);
    const weights = firstLayerWeights(model, { imageShape: [3, 2, 2] });
    expect([weights.layer, weights.units, weights.channels, weights.height, weights.width]).toEqual(["first", 2, 3, 2, 2]);
    expect(weights.images[0][11]).toBe(dense.kernel.value.data[11 * 2]);
  });

  test("rejects a non-square row without imageShape, a first layer that is not Dense or Conv2D, and a model without weights", () => {
    expect(() => firstLayerWeights(new Sequential([new Dense(12, 2, { rng: rng(6) })]))).toThrow(
      /firstLayerWeights \(layer "dense\d+", Dense\(12, 2\)\): cannot read a sample of \[12\] as an image/,
    );
    expect(() => firstLayerWeights(new Sequential([new BatchNorm(4, { name: "norm" }), new Dense(4, 2, { rng: rng(7) })]))).toThrow(
      /firstLayerWeights: the first layer with weights, "norm" \(BatchNorm\), has no kernel; expected a Dense or a Conv2D/,
    );
    expect(() => firstLayerWeights(new Sequential([new ReLU()]))).toThrow(/firstLayerWeights: the model has no layer with weights/);
  });
});
