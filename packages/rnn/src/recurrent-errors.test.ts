import { describe, expect, test } from "vitest";
import { randn, rng, tensor, zeros } from "@gradschool/tensor";
import { SimpleRNN } from "./simple-rnn.ts";
import { LSTM } from "./lstm.ts";
import { GRU } from "./gru.ts";

describe("recurrent layers reject bad input with errors that name the call, what came and what was expected", () => {
  test("a 2-D input is refused: a sequence needs [batch, time, features]", () => {
    expect(() => new SimpleRNN(3, 4, { rng: rng(1) }).forward(zeros([5, 3]))).toThrow(
      /SimpleRNN\.forward: input is \[5, 3\]; expected \[batch, time, 3\]/,
    );
  });

  test("a wrong number of features per step is refused", () => {
    expect(() => new LSTM(3, 4, { rng: rng(1), name: "encoder" }).forward(zeros([2, 4, 5]))).toThrow(
      /LSTM\.forward: input is \[2, 4, 5\]; expected \[batch, time, 3\] \(layer "encoder" reads sequences of 3 features per step\)/,
    );
  });

  test("zero time steps are refused", () => {
    expect(() => new GRU(3, 4, { rng: rng(1) }).forward(zeros([2, 0, 3]))).toThrow(/GRU\.forward: input \[2, 0, 3\] has 0 time steps; expected at least one/);
  });

  test("an input that is not a Tensor is refused", () => {
    const nested = [[[1, 2, 3]]] as unknown as Parameters<SimpleRNN["forward"]>[0];
    expect(() => new SimpleRNN(3, 4, { rng: rng(1) }).forward(nested)).toThrow(/SimpleRNN\.forward: x must be a Tensor \[batch, time, 3\]; received an array/);
  });

  test.each([0, -2, 1.5, Number.NaN])("bpttWindow %s is refused: it must be a positive integer", (bpttWindow) => {
    expect(() => new LSTM(3, 4, { rng: rng(1), bpttWindow })).toThrow(new RegExp(`LSTM: bpttWindow must be a positive integer.*received ${bpttWindow}`));
  });

  test.each([0, -1, 2.5])("units %s is refused", (units) => {
    expect(() => new GRU(3, units, { rng: rng(1) })).toThrow(new RegExp(`GRU: units must be a positive integer; received ${units}`));
  });

  test("inputSize 0 is refused", () => {
    expect(() => new SimpleRNN(0, 4, { rng: rng(1) })).toThrow(/SimpleRNN: inputSize must be a positive integer; received 0/);
  });

  test("a missing rng is refused, with an example of the fix", () => {
    const options = {} as { rng: ReturnType<typeof rng> };
    expect(() => new LSTM(3, 4, options)).toThrow(/LSTM: options\.rng is required, e\.g\. new LSTM\(28, 64, \{ rng: rng\(42\) \}\)/);
  });

  test("backward before any forward is refused", () => {
    expect(() => new SimpleRNN(3, 4, { rng: rng(1) }).backward(zeros([2, 4]))).toThrow(/SimpleRNN\.backward: layer "simpleRnn\d+" has not run forward yet/);
  });

  test("a gradOut of the wrong shape is refused, naming the shape of the last output", () => {
    const last = new SimpleRNN(3, 4, { rng: rng(1), name: "last" });
    last.forward(randn([2, 5, 3], rng(2)));
    expect(() => last.backward(zeros([2, 5, 4]))).toThrow(/SimpleRNN\.backward: gradOut is \[2, 5, 4\]; expected \[2, 4\], the shape of the last output \(layer "last"\)/);
    const every = new GRU(3, 4, { rng: rng(1), returnSequences: true });
    every.forward(randn([2, 5, 3], rng(2)));
    expect(() => every.backwardParams(tensor([[1, 2, 3, 4]]))).toThrow(/GRU\.backwardParams: gradOut is \[1, 4\]; expected \[2, 5, 4\]/);
  });

  test("stateGradientNorms before any backward is refused", () => {
    expect(() => new LSTM(3, 4, { rng: rng(1), name: "fresh" }).stateGradientNorms()).toThrow(/LSTM\.stateGradientNorms: layer "fresh" has not run backward yet/);
  });

  test("outputShape checks the input shape like forward", () => {
    const layer = new SimpleRNN(28, 64, { rng: rng(1), returnSequences: true });
    expect(layer.outputShape([32, 28, 28])).toEqual([32, 28, 64]);
    expect(new SimpleRNN(28, 64, { rng: rng(1) }).outputShape([32, 28, 28])).toEqual([32, 64]);
    expect(() => layer.outputShape([32, 784])).toThrow(/SimpleRNN\.outputShape: input is \[32, 784\]; expected \[batch, time, 28\]/);
  });
});
