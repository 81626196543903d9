import type { Layer } from "@gradschool/backprop";
import { findLayerType, layerWeights, registeredLayerTypes } from "./layer-registry.ts";

/** What the first two fields of every model file say. */
export const MODEL_FORMAT = "gradschool-model";
export const MODEL_VERSION = 1;

/**
 * The text of a model file, checked and turned back into layers. Every check names the
 * file and says what was found and what was expected, because a model file is the kind
 * of thing that gets copied, cut short, hand-edited or written by a newer version.
 */
export function parseModelFile(path: string, text: string): { layers: Layer[]; inputShape: number[] | undefined } {
  const fail = (problem: string, cause?: unknown): never => {
    throw new Error(`Sequential.load: ${path}: ${problem}`, cause === undefined ? undefined : { cause });
  };
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch (error) {
    const hint = text.trim() === "" ? "the file is empty" : "the file may be truncated (an interrupted copy?) or not a model file";
    fail(`is not valid JSON (${(error as Error).message}); ${hint}`, error);
  }
  if (!isObject(file)) fail(`expected a JSON object with "format": "${MODEL_FORMAT}"; found ${describe(file)}`);
  const model = file as Record<string, unknown>;
  if (model.format !== MODEL_FORMAT) {
    fail(`has format ${JSON.stringify(model.format) ?? "(none)"}; expected "${MODEL_FORMAT}" (is this a model saved by Sequential.save?)`);
  }
  if (model.version !== MODEL_VERSION) {
    fail(`is version ${JSON.stringify(model.version) ?? "(none)"}; this code reads version ${MODEL_VERSION}`);
  }
  const inputShape = model.inputShape;
  if (inputShape !== undefined && !(Array.isArray(inputShape) && inputShape.every((dim) => Number.isInteger(dim) && dim > 0))) {
    fail(`has inputShape ${JSON.stringify(inputShape)}; expected a list of positive integers such as [784]`);
  }
  if (!Array.isArray(model.layers) || model.layers.length === 0) {
    fail(`has layers ${describe(model.layers)}; expected a non-empty list of { type, config, weights }`);
  }

  const layers = (model.layers as unknown[]).map((entry, index) => {
    const at = `layer ${index}`;
    if (!isObject(entry)) return fail(`${at} is ${describe(entry)}; expected { type, config, weights }`);
    const { type, config = {}, weights = {} } = entry as Record<string, unknown>;
    const layerType = typeof type === "string" ? findLayerType(type) : undefined;
    if (layerType === undefined) {
      return fail(
        `${at} has type ${JSON.stringify(type)}, which is not a registered layer type; known types: ${registeredLayerTypes().join(", ")} ` +
          `(import the package that defines it, or registerLayerType it, before loading)`,
      );
    }
    if (!isObject(config)) return fail(`${at} (${type}) has config ${describe(config)}; expected an object`);
    if (!isObject(weights)) return fail(`${at} (${type}) has weights ${describe(weights)}; expected { name: [numbers] }`);
    let layer: Layer;
    try {
      layer = layerType.fromConfig(config as Record<string, unknown>);
    } catch (error) {
      return fail(`${at} (${type}) cannot be built from its config ${JSON.stringify(config)}: ${(error as Error).message}`, error);
    }
    copyWeights(layer, weights as Record<string, unknown>, (problem) => fail(`${at} (${type} "${layer.name}") ${problem}`));
    return layer;
  });
  return { layers, inputShape: inputShape as number[] | undefined };
}

/** Copies each saved array into the layer's weight of that name, after checking names and sizes. */
function copyWeights(layer: Layer, saved: Record<string, unknown>, fail: (problem: string) => never): void {
  const expected = layerWeights(layer);
  const expectedNames = Object.keys(expected);
  const list = expectedNames.length === 0 ? "none" : expectedNames.join(", ");
  for (const name of Object.keys(saved)) {
    if (!(name in expected)) fail(`has an unexpected weight "${name}"; expected ${list}`);
  }
  for (const [name, weight] of Object.entries(expected)) {
    const values = saved[name];
    if (values === undefined) fail(`is missing weight "${name}"; expected ${list}`);
    if (!Array.isArray(values)) fail(`weight "${name}" is ${describe(values)}; expected a list of numbers`);
    const numbers = values as unknown[];
    if (numbers.length !== weight.size) {
      fail(`weight "${name}" has ${numbers.length} numbers; expected ${weight.size} for shape [${weight.shape.join(", ")}]`);
    }
    const bad = numbers.findIndex((value) => typeof value !== "number");
    if (bad !== -1) fail(`weight "${name}" holds ${JSON.stringify(numbers[bad])} at index ${bad}; expected a number`);
    weight.data.set(numbers as number[]);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}
