import type { Tensor } from "./tensor.ts";

/**
 * A numpy-like picture of a tensor, with aligned columns:
 *
 *   tensor([[ 1,  2, 30],
 *           [-4,  5,  6]])
 *
 * Whole numbers print without decimals, others with 4 (in exponent form for the whole
 * tensor when some value is very large or very small). Dimensions longer than 6
 * (in tensors of over 1000 elements) are summarised by their first and last 3 entries.
 */
export function formatTensor(t: Tensor, { decimals = 4 }: { decimals?: number } = {}): string {
  const style = chooseStyle(t.data, decimals);
  if (t.rank === 0) return `tensor(${formatNumber(t.data[0], style, decimals)})`;
  if (t.size === 0) return `tensor([], shape=[${t.shape.join(", ")}])`;

  const summarise = t.size > 1000;
  const prefix = "tensor(";
  const shownIndices = (length: number): number[] =>
    summarise && length > 6 ? [0, 1, 2, -1, length - 3, length - 2, length - 1] : [...Array(length).keys()];

  // First pass: the flat offsets of the elements that will be printed (only those are
  // turned into strings, so printing a 60000×784 tensor stays cheap).
  const cells = new Map<number, string>();
  const collect = (depth: number, offset: number, stride: number): void => {
    const childStride = stride / t.shape[depth];
    for (const i of shownIndices(t.shape[depth])) {
      if (i === -1) continue;
      if (depth === t.rank - 1) cells.set(offset + i, formatNumber(t.data[offset + i], style, decimals));
      else collect(depth + 1, offset + i * childStride, childStride);
    }
  };
  collect(0, 0, t.size);
  const width = Math.max(...[...cells.values()].map((cell) => cell.length));

  const render = (depth: number, offset: number, stride: number): string => {
    const childStride = stride / t.shape[depth];
    const shown = shownIndices(t.shape[depth]);
    if (depth === t.rank - 1) {
      return `[${shown.map((i) => (i === -1 ? "…" : cells.get(offset + i)!).padStart(width)).join(", ")}]`;
    }
    const indent = " ".repeat(prefix.length + depth + 1);
    const separator = "," + "\n".repeat(t.rank - depth - 1) + indent;
    return `[${shown.map((i) => (i === -1 ? "…" : render(depth + 1, offset + i * childStride, childStride))).join(separator)}]`;
  };
  return `${prefix}${render(0, 0, t.size)})`;
}

type Style = "integer" | "fixed" | "exponential";

/** One notation for the whole tensor, as numpy does, so columns line up. */
function chooseStyle(data: Float64Array, decimals: number): Style {
  let integers = true;
  let smallest = Infinity;
  let largest = 0;
  for (let i = 0; i < data.length; i++) {
    const value = data[i];
    if (!Number.isFinite(value)) continue;
    if (!Number.isInteger(value)) integers = false;
    const magnitude = Math.abs(value);
    if (magnitude !== 0 && magnitude < smallest) smallest = magnitude;
    if (magnitude > largest) largest = magnitude;
  }
  if (integers && largest < 1e15) return "integer";
  return largest >= 1e6 || smallest < 10 ** -decimals ? "exponential" : "fixed";
}

function formatNumber(value: number, style: Style, decimals: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (style === "integer") return String(value);
  return style === "exponential" ? value.toExponential(decimals) : value.toFixed(decimals);
}
