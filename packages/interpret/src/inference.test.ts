import { describe, expect, test } from "vitest";
import { Dense } from "@gradschool/backprop";
import { Sequential } from "@gradschool/mlp";
import { randn, rng } from "@gradschool/tensor";
import { predictRows } from "./inference.ts";

describe("predictRows", () => {
  test("gives the model's output for every row, whatever the batch size", () => {
    const model = new Sequential([new Dense(4, 3, { rng: rng(1) })]);
    const x = randn([10, 4], rng(2));
    const whole = model.forward(x, { training: false });
    for (const batchSize of [1, 3, 10, 256]) expect(predictRows("f", model, x, batchSize).data).toEqual(whole.data);
    expect(predictRows("f", model, x, 3).shape).toEqual([10, 3]);
  });

  test("names the caller and the shape when the model cannot take x", () => {
    const model = new Sequential([new Dense(4, 3, { rng: rng(1) })]);
    expect(() => predictRows("f", model, randn([2, 5], rng(3)))).toThrow(/f: the model cannot take x of shape \[2, 5\]/);
    expect(() => predictRows("f", model, randn([0, 4], rng(3)))).toThrow(/f: x is \[0, 4\]; expected a batch/);
  });
});
