import { describe, expect, test } from "vitest";
import { rng, tensor } from "@gradschool/tensor";
import { checkLayer, expectLayerGradientsClose } from "@gradschool/gradcheck";
import { leakyRelu, sigmoid } from "@gradschool/activations";
import { ActivationLayer, ReLU, Sigmoid, Softmax, Tanh } from "./activation-layer.ts";

describe("activation layers", () => {
  test("ReLU, Sigmoid, Tanh and Softmax backward match central differences", () => {
    expectLayerGradientsClose(new ReLU(), [4, 5], rng(1));
    expectLayerGradientsClose(new Sigmoid(), [4, 5], rng(2));
    expectLayerGradientsClose(new Tanh(), [4, 5], rng(3));
    expectLayerGradientsClose(new Softmax(), [4, 5], rng(4));
  });

  test("any Activation becomes a layer: leakyRelu(0.1) passes the same check", () => {
    const report = checkLayer(new ActivationLayer(leakyRelu(0.1)), [3, 6], rng(5));
    expect(report.ok).toBe(true);
    expect(report.input.maxRelError).toBeLessThan(1e-6);
  });

  test("forward applies the activation and keeps the input's shape", () => {
    const layer = new Sigmoid();
    const x = tensor([[0, 1000], [-1000, 2]]);
    expect(layer.forward(x).toArray()).toEqual(sigmoid.forward(x).toArray());
    expect(layer.outputShape([32, 128])).toEqual([32, 128]);
  });

  test("backward uses the input of the last forward: relu passes gradOut where x > 0", () => {
    const layer = new ReLU();
    layer.forward(tensor([[-2, 3, 0.5, -0.1]]));
    expect(layer.backward(tensor([[10, 20, 30, 40]])).toArray()).toEqual([[0, 20, 30, 0]]);
  });

  test("an activation layer has no parameters and takes the activation's name", () => {
    expect(new Tanh().params()).toEqual([]);
    expect([new ReLU(), new Sigmoid(), new Tanh(), new Softmax()].map((layer) => layer.name)).toEqual([
      "relu",
      "sigmoid",
      "tanh",
      "softmax",
    ]);
  });

  test("backward before forward says to call forward first", () => {
    expect(() => new Tanh().backward(tensor([[1]]))).toThrow(
      /ActivationLayer\.backward: layer "tanh" has not run forward yet; call forward\(x\) before backward\(gradOut\)/,
    );
  });

  test("a gradOut of the wrong shape is rejected, naming both shapes", () => {
    const layer = new Tanh();
    layer.forward(tensor([[1, 2], [3, 4]]));
    expect(() => layer.backward(tensor([1, 2, 3, 4]))).toThrow(/tanh\.backward: gradOut is \[4\] but x is \[2, 2\]/);
  });

  test("something that is not an Activation is rejected", () => {
    expect(() => new ActivationLayer("relu" as never)).toThrow(/ActivationLayer: expected an Activation .* received string/);
  });
});
