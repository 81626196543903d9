import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { randn, rng } from "@gradschool/tensor";
import { Dense, ReLU } from "@gradschool/backprop";
import { Adam } from "@gradschool/optimizers";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Sequential } from "@gradschool/mlp";
import { Conv2D } from "./conv2d.ts";
import { MaxPool2D } from "./max-pool2d.ts";
import { AvgPool2D } from "./avg-pool2d.ts";
import { Flatten } from "./flatten.ts";
import { referenceCnn } from "./reference-cnn.ts";
import "./layer-types.ts";

const folder = mkdtempSync(join(tmpdir(), "gradschool-cnn-save-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every layer type and option of this package in one small model, trained a little so no weight is at its initial value. */
function trainedCnn(): Sequential {
  const random = rng(71);
  const model = new Sequential(
    [
      new Conv2D(2, 4, [3, 2], { rng: random, stride: [2, 1], padding: "same", name: "convSame" }),
      new ReLU(),
      new Conv2D(4, 3, 3, { rng: random, padding: 1, name: "convPadded" }),
      new MaxPool2D([2, 3], [1, 2], { name: "maxPool" }),
      new AvgPool2D(2, 1, { name: "avgPool" }),
      new Flatten({ name: "flat" }),
      new Dense(3 * 3 * 3, 5, { rng: random, name: "logits" }),
    ],
    { inputShape: [2, 10, 9] },
  );
  const x = randn([16, 2, 10, 9], random);
  const y = Int32Array.from({ length: 16 }, (_, i) => i % 5);
  model.fit(x, y, { epochs: 2, batchSize: 8, optimizer: new Adam({ lr: 0.01 }), loss: softmaxCrossEntropy, rng: random, verbose: false });
  return model;
}

describe("save and load of a CNN", () => {
  test("a trained CNN saved and loaded gives bit-identical predictions and the same layers", () => {
    const model = trainedCnn();
    const path = join(folder, "cnn.json");
    model.save(path);
    const loaded = Sequential.load(path);
    expect(loaded.layers.map((layer) => `${layer.name} ${layer.constructor.name}`)).toEqual(model.layers.map((layer) => `${layer.name} ${layer.constructor.name}`));
    expect(loaded.inputShape).toEqual([2, 10, 9]);
    const x = randn([6, 2, 10, 9], rng(72));
    expect([...loaded.predict(x).data]).toEqual([...model.predict(x).data]);
    expect(loaded.params().map((param) => [...param.value.data])).toEqual(model.params().map((param) => [...param.value.data]));
  });

  test("writes each layer's config: kernel size, stride and padding for Conv2D, size and stride for pooling", () => {
    const path = join(folder, "configs.json");
    trainedCnn().save(path);
    const { layers } = JSON.parse(readFileSync(path, "utf8")) as { layers: Array<{ type: string; config: unknown; weights: Record<string, number[]> }> };
    expect(layers.map((layer) => layer.type)).toEqual(["Conv2D", "ReLU", "Conv2D", "MaxPool2D", "AvgPool2D", "Flatten", "Dense"]);
    expect(layers[0].config).toEqual({ inChannels: 2, outChannels: 4, kernelSize: [3, 2], stride: [2, 1], padding: "same", name: "convSame" });
    expect(layers[2].config).toMatchObject({ padding: 1, stride: [1, 1] });
    expect(layers[3].config).toEqual({ size: [2, 3], stride: [1, 2], name: "maxPool" });
    expect(layers[4].config).toEqual({ size: [2, 2], stride: [1, 1], name: "avgPool" });
    expect(layers[5].config).toEqual({ name: "flat" });
    expect(Object.keys(layers[0].weights)).toEqual(["kernel", "bias"]);
    expect(layers[0].weights.kernel).toHaveLength(4 * 2 * 3 * 2);
    expect(layers[3].weights).toEqual({});
  });

  test("the reference CNN round-trips, 121,930 numbers, bit for bit", () => {
    const model = referenceCnn(rng(73));
    const path = join(folder, "reference.json");
    model.save(path);
    const loaded = Sequential.load(path);
    expect(loaded.summary()).toBe(model.summary());
    const x = randn([2, 1, 28, 28], rng(74));
    expect([...loaded.predict(x).data]).toEqual([...model.predict(x).data]);
  });
});
