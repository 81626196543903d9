import { describe, expect, test } from "vitest";
import { Tensor, randn, rng, zeros } from "@gradschool/tensor";
import { Dense, ReLU, Sequential } from "@gradschool/backprop";
import { expectLayerGradientsClose } from "@gradschool/gradcheck";
import { LSTM } from "./lstm.ts";
import { TimeDistributed } from "./time-distributed.ts";

describe("TimeDistributed", () => {
  test("applies the same Dense to every step: [b, t, f] → [b, t, out], each step as the Dense alone gives it", () => {
    const dense = new Dense(3, 2, { rng: rng(1) });
    const wrapped = new TimeDistributed(dense);
    const x = randn([2, 4, 3], rng(2));
    const y = wrapped.forward(x);
    expect(y.shape).toEqual([2, 4, 2]);
    for (let b = 0; b < 2; b++) {
      for (let t = 0; t < 4; t++) {
        const step = dense.forward(new Tensor(x.data.slice((b * 4 + t) * 3, (b * 4 + t + 1) * 3), [1, 3]));
        expect([y.get(b, t, 0), y.get(b, t, 1)]).toEqual(Array.from(step.data));
      }
    }
  });

  test("backward matches central differences for the input and the Dense's kernel and bias", () => {
    expectLayerGradientsClose(new TimeDistributed(new Dense(3, 2, { rng: rng(3) })), [2, 4, 3], rng(4));
  });

  test("LSTM(returnSequences) → TimeDistributed(Dense), the character model's shape: backward matches central differences", () => {
    const random = rng(5);
    const model = new Sequential([new LSTM(4, 3, { rng: random, returnSequences: true }), new TimeDistributed(new Dense(3, 4, { rng: random }))]);
    expectLayerGradientsClose(model, [2, 5, 4], rng(6));
  });

  test("shares the wrapped layer's parameters and reports its output shape per step", () => {
    const dense = new Dense(64, 59, { rng: rng(7) });
    const wrapped = new TimeDistributed(dense);
    expect(wrapped.params()).toEqual(dense.params());
    expect(wrapped.outputShape([32, 40, 64])).toEqual([32, 40, 59]);
    expect(wrapped.name).toBe(`timeDistributed(${dense.name})`);
  });

  test("rejects input that is not [batch, time, features], and a gradOut of the wrong shape", () => {
    const wrapped = new TimeDistributed(new Dense(3, 2, { rng: rng(8) }), { name: "perStep" });
    expect(() => wrapped.forward(zeros([4, 3]))).toThrow(/TimeDistributed\.forward: input is \[4, 3\]; expected a Tensor \[batch, time, features\]/);
    expect(() => wrapped.backward(zeros([2, 4, 2]))).toThrow(/TimeDistributed\.backward: layer "perStep" has not run forward yet/);
    wrapped.forward(zeros([2, 4, 3]));
    expect(() => wrapped.backward(zeros([8, 2]))).toThrow(/TimeDistributed\.backward: gradOut is \[8, 2\]; expected \[2, 4, 2\]/);
    expect(() => new TimeDistributed(undefined as unknown as ReLU)).toThrow(/TimeDistributed: expected a Layer to wrap/);
  });
});
