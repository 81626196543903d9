import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Layer } from "@gradschool/backprop";
import { findLayerType, layerTypeName, layerWeights } from "./layer-registry.ts";
import { MODEL_FORMAT, MODEL_VERSION, parseModelFile } from "./model-file.ts";

/**
 * Writes a model as JSON:
 *
 *   { "format": "gradschool-model", "version": 1, "inputShape": [784],
 *     "layers": [ { "type": "Dense", "config": { "inFeatures": 784, … }, "weights": { "kernel": [ … ], "bias": [ … ] } }, … ] }
 *
 * Exact. A float64 written with String(x) is the shortest decimal that reads back as the
 * same double, so every weight round-trips bit for bit, 5e-324 and 1.7976931348623157e308
 * included. The one exception is −0, which JSON.stringify writes as 0: it is written as
 * "-0" here (JSON.parse reads that back as −0). NaN and Infinity have no JSON form, so a
 * model holding them is refused, which is also the honest answer for a diverged model.
 *
 * Atomic. The text goes to a temporary file in the same folder, is flushed to disk, and
 * is then renamed over `path`. A rename within one file system replaces the file in one
 * step, so a crash mid-save leaves the old file or the new one, never half of either.
 */
export function saveModel(path: string, layers: readonly Layer[], inputShape: readonly number[] | undefined): void {
  const layerTexts = layers.map((layer, index) => {
    const type = layerTypeName(layer);
    const layerType = findLayerType(type);
    if (layerType === undefined) {
      throw new Error(`Sequential.save: layer ${index} (${layer.name}) is a ${type}, which has no registered layer type; call registerLayerType("${type}", { toConfig, fromConfig }) first`);
    }
    const weights = Object.entries(layerWeights(layer)).map(([name, weight]) => {
      const bad = weight.data.findIndex((value) => !Number.isFinite(value));
      if (bad !== -1) {
        throw new Error(`Sequential.save: weight "${name}" of layer ${index} (${layer.name}) holds ${weight.data[bad]} at index ${bad}; JSON has no NaN or Infinity (did training diverge?)`);
      }
      return `${JSON.stringify(name)}: ${numbersToJson(weight.data)}`;
    });
    const config = JSON.stringify(layerType.toConfig(layer));
    return `    { "type": ${JSON.stringify(type)}, "config": ${config}, "weights": { ${weights.join(", ")} } }`;
  });
  const header = [`"format": "${MODEL_FORMAT}"`, `"version": ${MODEL_VERSION}`];
  if (inputShape !== undefined) header.push(`"inputShape": ${JSON.stringify(inputShape)}`);
  const text = `{\n  ${header.join(",\n  ")},\n  "layers": [\n${layerTexts.join(",\n")}\n  ]\n}\n`;
  writeAtomically(path, text);
}

/**
 * Reads a model file back into layers, checking everything on the way: a file that is
 * missing, cut short or not JSON, the wrong format or version, an unknown layer type, and
 * weights that are missing, unexpected or the wrong size each give an error naming the
 * file and the problem.
 */
export function loadModel(path: string): { layers: Layer[]; inputShape: number[] | undefined } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : String((error as Error).message);
    throw new Error(`Sequential.load: cannot read ${path}: ${why}`, { cause: error });
  }
  return parseModelFile(path, text);
}

/** The numbers as a JSON array that reads back bit for bit (−0 kept). */
function numbersToJson(data: Float64Array): string {
  const parts = new Array<string>(data.length);
  for (let i = 0; i < data.length; i++) parts[i] = Object.is(data[i], -0) ? "-0" : String(data[i]);
  return `[${parts.join(",")}]`;
}

/** Writes text to a temporary file beside `path`, flushes it, then renames it over `path`. */
function writeAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const file = openSync(temporary, "w");
    try {
      writeFileSync(file, text);
      fsyncSync(file); // on disk before the rename makes it visible
    } finally {
      closeSync(file);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new Error(`Sequential.save: cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}
