import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { type Tensor, randn, rng, scale } from "@gradschool/tensor";
import { Dense, type Layer } from "@gradschool/backprop";
import type { Param } from "@gradschool/optimizers";
import { layerTypeName, layerWeights, registerLayerType } from "./layer-registry.ts";
import { Sequential } from "./model.ts";

const folder = mkdtempSync(join(tmpdir(), "gradschool-registry-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A layer this package has never heard of: y = factor · x. */
class Scale implements Layer {
  readonly name = "scale";
  constructor(readonly factor: number) {}
  forward(x: Tensor): Tensor {
    return scale(x, this.factor);
  }
  backward(gradOut: Tensor): Tensor {
    return scale(gradOut, this.factor);
  }
  params(): Param[] {
    return [];
  }
  outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }
}

describe("the layer registry", () => {
  test("a layer's type is its class name", () => {
    expect(layerTypeName(new Dense(2, 2, { rng: rng(1) }))).toBe("Dense");
    expect(layerTypeName(new Scale(2))).toBe("Scale");
  });

  test("layerWeights names a layer's params by the part after the dot", () => {
    const dense = new Dense(2, 3, { rng: rng(1), name: "dense7" });
    expect(layerWeights(dense)).toEqual({ kernel: dense.kernel.value, bias: dense.bias.value });
  });

  test("a registered custom layer saves and loads with its config", () => {
    registerLayerType<Scale>("Scale", { toConfig: (layer) => ({ factor: layer.factor }), fromConfig: (config) => new Scale(Number(config.factor)) });
    const model = new Sequential([new Dense(2, 2, { rng: rng(1) }), new Scale(-2.5)]);
    const path = join(folder, "scale.json");
    model.save(path);
    const loaded = Sequential.load(path);
    expect((loaded.layers[1] as Scale).factor).toBe(-2.5);
    const x = randn([3, 2], rng(2));
    expect([...loaded.predict(x).data]).toEqual([...model.predict(x).data]);
  });

  test("registerLayerType refuses an empty type and a half-written entry", () => {
    expect(() => registerLayerType("", { toConfig: () => ({}), fromConfig: () => new Scale(1) })).toThrow(
      'registerLayerType: type must be a layer\'s class name such as "Dense"; received ""',
    );
    expect(() => registerLayerType("Scale", { toConfig: () => ({}) } as never)).toThrow(
      'registerLayerType: "Scale" needs { toConfig(layer), fromConfig(config) } functions',
    );
  });
});
