import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { randn, rng } from "@gradschool/tensor";
import { ActivationLayer, Dense, ReLU, Softmax, Tanh } from "@gradschool/backprop";
import { gelu, leakyRelu } from "@gradschool/activations";
import { Adam } from "@gradschool/optimizers";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Sequential } from "./model.ts";
import { smallSpiral, spiralNet } from "./test-support.ts";

const folder = mkdtempSync(join(tmpdir(), "gradschool-save-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function trainedModel(): Sequential {
  const random = rng(21);
  const { x, y } = smallSpiral();
  const model = spiralNet(random);
  model.fit(x, y, { epochs: 3, batchSize: 32, optimizer: new Adam({ lr: 0.01 }), loss: softmaxCrossEntropy, rng: random, verbose: false });
  return model;
}

/** A valid saved file as an object, for the bad-file tests to break one piece at a time. */
function savedFile(): { path: string; file: { format: unknown; version: unknown; layers: Array<Record<string, any>> } } {
  const path = join(folder, `good-${Math.random().toString(36).slice(2)}.json`);
  new Sequential([new Dense(2, 3, { rng: rng(1), name: "dense1" }), new ReLU()]).save(path);
  return { path, file: JSON.parse(readFileSync(path, "utf8")) };
}

/** Writes `content` to a fresh file and returns the error message load gives for it. */
function loadError(name: string, content: string | object): string {
  const path = join(folder, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  try {
    Sequential.load(path);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`load accepted ${name}`);
}

describe("save and load", () => {
  test("a trained model saved and loaded gives bit-identical predictions", () => {
    const model = trainedModel();
    const path = join(folder, "trained.json");
    model.save(path);
    const loaded = Sequential.load(path);
    const x = randn([40, 2], rng(3));
    expect(loaded).toBeInstanceOf(Sequential);
    expect(loaded.layers.map((layer) => layer.name)).toEqual(model.layers.map((layer) => layer.name));
    expect([...loaded.predict(x).data]).toEqual([...model.predict(x).data]);
  });

  test("weights round-trip exactly, −0, the smallest and largest doubles included", () => {
    const dense = new Dense(2, 3, { rng: rng(1), name: "edge" });
    const awkward = [-0, 5e-324, -1.7976931348623157e308, 0.1 + 0.2, 1 / 3];
    dense.kernel.value.data.set([...awkward, Math.PI]);
    dense.bias.value.data.set([2 ** -1074 * 3, 1e-300, -123456789.123456789]);
    const path = join(folder, "edge.json");
    new Sequential([dense]).save(path);
    const loaded = Sequential.load(path).layers[0] as Dense;
    expect(Object.is(loaded.kernel.value.data[0], -0)).toBe(true);
    expect([...loaded.kernel.value.data]).toEqual([...dense.kernel.value.data]);
    expect([...loaded.bias.value.data]).toEqual([...dense.bias.value.data]);
  });

  test("the file says its format and version, the input shape, and each layer's type, config and weights", () => {
    const path = join(folder, "shape.json");
    new Sequential([new ReLU(), new Dense(3, 2, { rng: rng(1), name: "d" }), new Softmax()], { inputShape: [3] }).save(path);
    const file = JSON.parse(readFileSync(path, "utf8"));
    expect(file.format).toBe("gradschool-model");
    expect(file.version).toBe(1);
    expect(file.inputShape).toEqual([3]);
    expect(file.layers.map((layer: { type: string }) => layer.type)).toEqual(["ReLU", "Dense", "Softmax"]);
    expect(file.layers[1].config).toEqual({ inFeatures: 3, outFeatures: 2, name: "d" });
    expect(Object.keys(file.layers[1].weights)).toEqual(["kernel", "bias"]);
    expect(Sequential.load(path).inputShape).toEqual([3]);
  });

  test("any activation layer comes back by its name, factories with their α", () => {
    const layers = [new Dense(2, 4, { rng: rng(1) }), new ActivationLayer(leakyRelu(0.2)), new ActivationLayer(gelu), new Tanh(), new Dense(4, 1, { rng: rng(2) })];
    const model = new Sequential(layers);
    const path = join(folder, "activations.json");
    model.save(path);
    const loaded = Sequential.load(path);
    expect(loaded.layers.map((layer) => layer.name)).toEqual(layers.map((layer) => layer.name));
    expect(loaded.layers.map((layer) => layer.constructor.name)).toEqual(["Dense", "ActivationLayer", "ActivationLayer", "Tanh", "Dense"]);
    expect((loaded.layers[1] as ActivationLayer).activation.name).toBe("leakyRelu(0.2)");
    const x = randn([5, 2], rng(4));
    expect([...loaded.predict(x).data]).toEqual([...model.predict(x).data]);
  });

  test("save writes through a temporary file and renames it: it replaces an old file and leaves nothing behind", () => {
    const own = mkdtempSync(join(folder, "atomic-"));
    const path = join(own, "model.json");
    writeFileSync(path, "an older model");
    trainedModel().save(path);
    expect(readdirSync(own)).toEqual(["model.json"]);
    expect(() => Sequential.load(path)).not.toThrow();
  });

  test("save refuses a model with NaN weights, and a layer type nobody registered", () => {
    const dense = new Dense(2, 2, { rng: rng(1), name: "broken" });
    dense.bias.value.data[1] = NaN;
    expect(() => new Sequential([dense]).save(join(folder, "nan.json"))).toThrow(
      'Sequential.save: weight "bias" of layer 0 (broken) holds NaN at index 1; JSON has no NaN or Infinity (did training diverge?)',
    );
    class MyLayer extends ReLU {}
    expect(() => new Sequential([new MyLayer()]).save(join(folder, "custom.json"))).toThrow(
      'Sequential.save: layer 0 (relu) is a MyLayer, which has no registered layer type; call registerLayerType("MyLayer", { toConfig, fromConfig }) first',
    );
  });
});

describe("load refuses a bad file, naming the file and the problem", () => {
  test("a missing file", () => {
    const path = join(folder, "nowhere.json");
    expect(() => Sequential.load(path)).toThrow(`Sequential.load: cannot read ${path}: no such file`);
  });

  test("an empty file, a truncated file and a file that is not JSON", () => {
    expect(loadError("empty.json", "")).toMatch(/^Sequential.load: .*empty\.json: is not valid JSON \(.*\); the file is empty$/);
    const { path } = savedFile();
    const text = readFileSync(path, "utf8");
    expect(loadError("truncated.json", text.slice(0, text.length / 2))).toMatch(
      /^Sequential.load: .*truncated\.json: is not valid JSON \(.*\); the file may be truncated/,
    );
    expect(loadError("notes.json", "hello")).toMatch(/notes\.json: is not valid JSON/);
  });

  test("the wrong format or version", () => {
    const { file } = savedFile();
    expect(loadError("keras.json", { ...file, format: "keras" })).toMatch(/keras\.json: has format "keras"; expected "gradschool-model"/);
    expect(loadError("array.json", [1, 2])).toMatch(/array\.json: expected a JSON object with "format": "gradschool-model"; found a list of 2$/);
    expect(loadError("future.json", { ...file, version: 2 })).toMatch(/future\.json: is version 2; this code reads version 1$/);
    expect(loadError("no-layers.json", { ...file, layers: [] })).toMatch(/has layers a list of 0; expected a non-empty list/);
  });

  test("an unknown layer type", () => {
    const { file } = savedFile();
    file.layers[0].type = "Conv2D";
    expect(loadError("conv.json", file)).toMatch(/conv\.json: layer 0 has type "Conv2D", which is not a registered layer type; known types: Dense, ReLU, /);
  });

  test("a config the layer cannot be built from", () => {
    const { file } = savedFile();
    file.layers[0].config.inFeatures = "two";
    expect(loadError("config.json", file)).toMatch(/config\.json: layer 0 \(Dense\) cannot be built from its config .*: Dense: inFeatures must be a positive integer; received two/);
  });

  test("a missing, an extra, a wrong-sized and a non-numeric weight", () => {
    const broken = (name: string, change: (weights: Record<string, unknown>) => void) => {
      const { file } = savedFile();
      change(file.layers[0].weights);
      return loadError(name, file);
    };
    expect(broken("missing.json", (w) => delete w.bias)).toMatch(/missing\.json: layer 0 \(Dense "dense1"\) is missing weight "bias"; expected kernel, bias$/);
    expect(broken("extra.json", (w) => (w.gamma = [1]))).toMatch(/extra\.json: layer 0 \(Dense "dense1"\) has an unexpected weight "gamma"; expected kernel, bias$/);
    expect(broken("short.json", (w) => (w.kernel = [1, 2, 3]))).toMatch(/short\.json: layer 0 \(Dense "dense1"\) weight "kernel" has 3 numbers; expected 6 for shape \[2, 3\]$/);
    expect(broken("text.json", (w) => (w.bias = [0, "1", 2]))).toMatch(/text\.json: layer 0 \(Dense "dense1"\) weight "bias" holds "1" at index 1; expected a number$/);
  });

  test("layers that do not fit together", () => {
    const { file } = savedFile();
    const second = structuredClone(file.layers[0]);
    second.config.name = "dense2"; // takes 2 features, but dense1 gives 3
    expect(loadError("misfit.json", { ...file, layers: [file.layers[0], second] })).toMatch(
      /misfit\.json: the layers do not fit together: Sequential: layer 1 \(dense2\) takes \[batch, 2\], but layer 0 \(dense1\) outputs \[batch, 3\]/,
    );
  });
});
