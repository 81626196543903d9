import type { Tensor } from "./tensor.ts";

/**
 * A numpy-like picture of a tensor, with aligned columns:
 *
 *   tensor([[ 1,  2, 30],
 *           [-4,  5,  6]])
 *
 * Whole numbers print without decimals, others with 4. Dimensions longer than 6
 * (in tensors of over 1000 elements) are summarised by their first and last 3 entries.
 */
export function formatTensor(t: Tensor, { decimals = 4 }: { decimals?: number } = {}): string {
  if (t.rank === 0) return `tensor(${formatNumber(t.data[0], decimals, allIntegers(t.data))})`;
  if (t.size === 0) return `tensor([], shape=[${t.shape.join(", ")}])`;

  const summarise = t.size > 1000;
  const integers = allIntegers(t.data);
  const cells = Array.from(t.data, (value) => formatNumber(value, decimals, integers));
  const width = Math.max(...cells.map((cell) => cell.length));
  const prefix = "tensor(";

  const render = (depth: number, offset: number, stride: number): string => {
    const length = t.shape[depth];
    const childStride = stride / length;
    const shown = summarise && length > 6 ? [0, 1, 2, -1, length - 3, length - 2, length - 1] : [...Array(length).keys()];
    if (depth === t.rank - 1) {
      return `[${shown.map((i) => (i === -1 ? "…".padStart(width) : cells[offset + i].padStart(width))).join(", ")}]`;
    }
    const indent = " ".repeat(prefix.length + depth + 1);
    const separator = "," + "\n".repeat(t.rank - depth - 1) + indent;
    return `[${shown.map((i) => (i === -1 ? "…" : render(depth + 1, offset + i * childStride, childStride))).join(separator)}]`;
  };
  return `${prefix}${render(0, 0, t.size)})`;
}

function allIntegers(data: Float64Array): boolean {
  for (let i = 0; i < data.length; i++) if (!Number.isInteger(data[i])) return false;
  return true;
}

function formatNumber(value: number, decimals: number, integers: boolean): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (integers) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 10 ** -decimals)) return value.toExponential(decimals);
  return value.toFixed(decimals);
}
