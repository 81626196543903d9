import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { randn, rng } from "@gradschool/tensor";
import { Dense, ReLU } from "@gradschool/backprop";
import "./parts-layer-types.ts";
import { Sequential } from "./model.ts";
import { Dropout } from "./dropout.ts";
import { BatchNorm } from "./batch-norm.ts";
import { LayerNorm } from "./layer-norm.ts";

const folder = mkdtempSync(join(tmpdir(), "gradschool-parts-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Dense → BatchNorm → ReLU → Dropout → Dense → LayerNorm, with γ, β and running statistics moved off their starting values. */
function trainedLookingModel(): Sequential {
  const random = rng(1);
  const batchNorm = new BatchNorm(8, { momentum: 0.3, eps: 1e-4, name: "bn" });
  const layerNorm = new LayerNorm(3, { eps: 1e-3, name: "ln" });
  const model = new Sequential([
    new Dense(4, 8, { rng: random, name: "dense1" }),
    batchNorm,
    new ReLU(),
    new Dropout(0.25, { rng: random, name: "drop" }),
    new Dense(8, 3, { rng: random, name: "dense2" }),
    layerNorm,
  ]);
  for (const param of [batchNorm.gamma, batchNorm.beta, layerNorm.gamma, layerNorm.beta]) {
    param.value.data.set(randn(param.value.shape, random).data);
  }
  for (let step = 0; step < 3; step++) model.forward(randn([16, 4], random), { training: true }); // moves the running statistics
  return model;
}

describe("save/load of Dropout, BatchNorm and LayerNorm", () => {
  test("a model with all three saves and loads back to bit-identical predictions", () => {
    const model = trainedLookingModel();
    const path = join(folder, "parts.json");
    model.save(path);
    const loaded = Sequential.load(path);
    const x = randn([5, 4], rng(2));
    expect([...loaded.predict(x).data]).toEqual([...model.predict(x).data]);
  });

  test("the loaded layers have the saved settings and BatchNorm's running statistics", () => {
    const model = trainedLookingModel();
    const path = join(folder, "settings.json");
    model.save(path);
    const [, batchNorm, , dropout, , layerNorm] = Sequential.load(path).layers;
    const original = model.layers[1] as BatchNorm;
    expect(batchNorm).toBeInstanceOf(BatchNorm);
    expect((batchNorm as BatchNorm).config()).toEqual({ features: 8, momentum: 0.3, eps: 1e-4, name: "bn" });
    expect([...(batchNorm as BatchNorm).runningMean.data]).toEqual([...original.runningMean.data]);
    expect([...(batchNorm as BatchNorm).runningVar.data]).toEqual([...original.runningVar.data]);
    expect((dropout as Dropout).config()).toEqual({ rate: 0.25, name: "drop" });
    expect((layerNorm as LayerNorm).config()).toEqual({ features: 3, eps: 1e-3, name: "ln" });
  });

  test("the file lists BatchNorm's four weights and LayerNorm's two, and no weights for Dropout", () => {
    const path = join(folder, "weights.json");
    trainedLookingModel().save(path);
    const saved = JSON.parse(readFileSync(path, "utf8")) as { layers: Array<{ type: string; weights: Record<string, number[]> }> };
    const weightNames = Object.fromEntries(saved.layers.map((layer) => [layer.type, Object.keys(layer.weights)]));
    expect(weightNames.BatchNorm).toEqual(["gamma", "beta", "runningMean", "runningVar"]);
    expect(weightNames.LayerNorm).toEqual(["gamma", "beta"]);
    expect(weightNames.Dropout).toEqual([]);
  });
});
