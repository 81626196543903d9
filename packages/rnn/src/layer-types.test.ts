import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { randn, rng } from "@gradschool/tensor";
import { relu } from "@gradschool/activations";
import { Dense } from "@gradschool/backprop";
import { Sequential } from "@gradschool/mlp";
import { GRU, LSTM, SimpleRNN, TimeDistributed } from "./index.ts";

const folder = mkdtempSync(join(tmpdir(), "gradschool-rnn-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Saves the model, loads it back, and returns both predictions and the loaded model. */
function roundTrip(model: Sequential, x: ReturnType<typeof randn>, file: string) {
  const path = join(folder, file);
  model.save(path);
  const loaded = Sequential.load(path);
  return { before: model.predict(x), after: loaded.predict(x), loaded };
}

describe("save and load of recurrent models", () => {
  test("SimpleRNN(relu, returnSequences, bpttWindow) → LSTM → GRU → Dense round-trips bit for bit", () => {
    const random = rng(61);
    const model = new Sequential(
      [
        new SimpleRNN(3, 5, { rng: random, activation: relu, returnSequences: true, bpttWindow: 4, name: "rows" }),
        new LSTM(5, 4, { rng: random, returnSequences: true, name: "memory" }),
        new GRU(4, 3, { rng: random, name: "summary" }),
        new Dense(3, 2, { rng: random, name: "head" }),
      ],
      { inputShape: [6, 3] },
    );
    for (const param of model.params()) param.value.data.forEach((value, i, data) => (data[i] = value + 0.01 * Math.sin(i))); // no zero biases
    const x = randn([4, 6, 3], rng(62));
    const { before, after, loaded } = roundTrip(model, x, "stack.json");
    expect(after.data).toEqual(before.data);
    const [rows, memory, summary] = loaded.layers as [SimpleRNN, LSTM, GRU];
    expect([rows.name, rows.activation.name, rows.returnSequences, rows.bpttWindow]).toEqual(["rows", "relu", true, 4]);
    expect([memory.constructor.name, memory.units, memory.bpttWindow]).toEqual(["LSTM", 4, undefined]);
    expect(summary.recurrentBias.value.data).toEqual((model.layers[2] as GRU).recurrentBias.value.data);
    expect(loaded.params().map((param) => param.name)).toEqual(model.params().map((param) => param.name));
  });

  test("LSTM → TimeDistributed(Dense), the character model, round-trips bit for bit", () => {
    const random = rng(63);
    const model = new Sequential([
      new LSTM(5, 6, { rng: random, returnSequences: true }),
      new TimeDistributed(new Dense(6, 5, { rng: random, name: "logits" })),
    ]);
    const x = randn([2, 7, 5], rng(64));
    const { before, after, loaded } = roundTrip(model, x, "char-model.json");
    expect(after.shape).toEqual([2, 7, 5]);
    expect(after.data).toEqual(before.data);
    expect(loaded.layers[1].name).toBe("timeDistributed(logits)");
  });
});
