/**
 * How lesson 05 shows a trained XOR network: the table of hidden codes (what each corner
 * becomes inside the network), pictures of the plane in the style of lesson 01, and a grid
 * to set several pictures side by side.
 */
import { decisionBoundary } from "@gradschool/neuron";
import type { Tensor } from "@gradschool/tensor";
import { table } from "@gradschool/viz";
import { classify, xorInputs, xorLabels } from "./xor-net.ts";

const fixed = (value: number) => value.toFixed(4);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * One row per XOR corner: the inputs, the hidden code h (the Tanh layer's output), the
 * logit z, p = σ(z), the class (z ≥ 0), the target and a ✓ or ✗.
 */
export function codeTable(hiddenCodes: Tensor, logits: Tensor): string {
  const units = hiddenCodes.shape[1];
  const predictions = classify(logits);
  const rows = Array.from(xorLabels, (target, i) => [
    xorInputs.get(i, 0),
    xorInputs.get(i, 1),
    ...Array.from({ length: units }, (_, j) => fixed(hiddenCodes.get(i, j))),
    fixed(logits.data[i]),
    fixed(sigmoid(logits.data[i])),
    predictions[i],
    target,
    predictions[i] === target ? "✓" : "✗",
  ]);
  const header = ["x1", "x2", ...Array.from({ length: units }, (_, j) => `h${j + 1}`), "z", "p = σ(z)", "prediction", "target", ""];
  const align = header.map((_, column) => (column === header.length - 1 ? "left" : "right") as "left" | "right");
  return table(rows, { header, align });
}

/** The square [-0.5, 1.5]² around the four XOR inputs, each drawn as the digit of its target. */
export function xorPicture(
  classifyPoints: (points: Tensor) => ArrayLike<number>,
  { width = 21, height = 11, legend = false }: { width?: number; height?: number; legend?: boolean } = {},
): string {
  return decisionBoundary(classifyPoints, {
    xRange: [-0.5, 1.5],
    yRange: [-0.5, 1.5],
    width,
    height,
    points: xorInputs,
    labels: xorLabels,
    legend,
  });
}

/** Pictures in a grid, `columns` to a row, each under its caption. */
export function grid(pictures: string[], captions: string[], columns: number): string {
  const blocks = pictures.map((picture, i) => [captions[i], ...picture.split("\n")]);
  const width = Math.max(...blocks.flat().map((line) => line.length)) + 4;
  const rows: string[] = [];
  for (let first = 0; first < blocks.length; first += columns) {
    const row = blocks.slice(first, first + columns);
    const height = Math.max(...row.map((block) => block.length));
    for (let line = 0; line < height; line++) rows.push(row.map((block) => (block[line] ?? "").padEnd(width)).join("").trimEnd());
    rows.push("");
  }
  return rows.join("\n").trimEnd();
}
