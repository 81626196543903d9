import { describe, expect, test } from "vitest";
import { Tensor, randn, rng } from "@gradschool/tensor";
import { Dense, Sequential } from "@gradschool/backprop";
import { expectLayerGradientsClose } from "@gradschool/gradcheck";
import { SimpleRNN } from "./simple-rnn.ts";
import { LSTM } from "./lstm.ts";
import { GRU } from "./gru.ts";

describe("stacked recurrent layers", () => {
  test("SimpleRNN(returnSequences) → LSTM(returnSequences) → GRU: backward matches central differences for every element", () => {
    const random = rng(21);
    const model = new Sequential([
      new SimpleRNN(3, 4, { rng: random, returnSequences: true }),
      new LSTM(4, 3, { rng: random, returnSequences: true }),
      new GRU(3, 2, { rng: random }),
    ]);
    expectLayerGradientsClose(model, [2, 5, 3], rng(22));
  });

  test("two SimpleRNNs and a Dense, the shape of the reference RNN: backward matches central differences", () => {
    const random = rng(23);
    const model = new Sequential([
      new SimpleRNN(4, 5, { rng: random, returnSequences: true }),
      new SimpleRNN(5, 5, { rng: random }),
      new Dense(5, 3, { rng: random }),
    ]);
    expectLayerGradientsClose(model, [3, 6, 4], rng(24));
  });

  test("backwardParams fills the same parameter gradients as backward", () => {
    const random = rng(25);
    const model = new Sequential([new LSTM(3, 4, { rng: random, returnSequences: true }), new GRU(4, 2, { rng: random, returnSequences: true })]);
    const x = randn([2, 5, 3], rng(26));
    const gradOut = randn([2, 5, 2], rng(27));
    model.forward(x);
    model.backward(gradOut);
    const fromBackward = model.params().map((param) => Float64Array.from(param.grad.data));
    for (const param of model.params()) param.grad.data.fill(0);
    model.forward(x);
    model.backwardParams(gradOut);
    model.params().forEach((param, i) => expect(param.grad.data).toEqual(fromBackward[i]));
  });

  test("gradients add up over calls (+=), as for every layer: two backwards give twice the gradient", () => {
    const layer = new GRU(3, 4, { rng: rng(28) });
    const x = randn([2, 5, 3], rng(29));
    const gradOut = randn([2, 4], rng(30));
    layer.forward(x);
    layer.backward(gradOut);
    const once = layer.params().map((param) => Float64Array.from(param.grad.data));
    layer.backward(gradOut);
    layer.params().forEach((param, i) => param.grad.data.forEach((value, j) => expect(value).toBeCloseTo(2 * once[i][j], 12)));
  });

  test("a batch of sequences gives each sequence the output it gets alone (the buffers are reused safely across shapes)", () => {
    const layer = new LSTM(3, 4, { rng: rng(31), returnSequences: true });
    const batch = randn([3, 6, 3], rng(32));
    const together = layer.forward(batch);
    for (let b = 0; b < 3; b++) {
      const alone = layer.forward(new Tensor(batch.data.slice(b * 18, (b + 1) * 18), [1, 6, 3]));
      expect(Array.from(alone.data)).toEqual(Array.from(together.data.subarray(b * 24, (b + 1) * 24)));
    }
  });
});
