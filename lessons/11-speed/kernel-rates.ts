/**
 * GFLOP/s of the three matrix-multiply kernels of @gradschool/tensor, timed the way
 * `npm run bench` times them (bench/src/measure.ts: the kernels take turns, one block each,
 * and the median block counts):
 *
 *   naive i-j-k   matmulNaive   C[i, j] = Σₖ A[i, k]·B[k, j], the inner loop walks down a column of B
 *   i-k-j         matmulIkj     the same sums, the inner loop walks along a row of B and of C
 *   packed 4×4    matmul        the kernel every layer uses (gemm.ts): packing and register blocking
 *
 * A product of [m, n] by [n, n] is m·n² multiply-adds: 2·m·n² floating-point operations.
 */
import { readFileSync } from "node:fs";
import { type Schedule, runAlternating } from "@gradschool/bench";
import { Tensor, matmul, matmulIkj, matmulNaive, randn, rng } from "@gradschool/tensor";

export interface Kernel {
  name: string;
  multiply: (a: Tensor, b: Tensor) => Tensor;
}

export const KERNELS: readonly Kernel[] = [
  { name: "naive i-j-k", multiply: matmulNaive },
  { name: "i-k-j", multiply: matmulIkj },
  { name: "packed 4×4", multiply: matmul },
];

/** The largest size multiplied as a whole square; past it, A is cut to its first rows (rowsOfA). */
export const LARGEST_SQUARE = 256;

/**
 * How many rows of A to multiply at size n. Up to 256 the whole square. Past it the plain
 * loops would take seconds per product, so A keeps its first 32 rows (the packed kernel 128,
 * so that packing B, n² copies per call, stays a small part of its time). Each row of C is
 * computed on its own from one row of A and all of B, so the rate is the square product's.
 */
export function rowsOfA(size: number, kernel: Kernel): number {
  if (size <= LARGEST_SQUARE) return size;
  return kernel.multiply === matmul ? 128 : 32;
}

/** Seeded n×n matrices A and B, with entries drawn from N(0, 1). */
export function squareMatrices(size: number, seed = 2024): [Tensor, Tensor] {
  const random = rng(seed);
  return [randn([size, size], random), randn([size, size], random)];
}

/** The first `rows` rows of a matrix, as a view (no copy). */
export function firstRows(matrix: Tensor, rows: number): Tensor {
  const width = matrix.shape[1];
  return new Tensor(matrix.data.subarray(0, rows * width), [rows, width]);
}

/** The median GFLOP/s of each kernel at size n, in the order of KERNELS. */
export async function kernelRates(size: number, schedule: Schedule): Promise<number[]> {
  const [a, b] = squareMatrices(size);
  const results = await runAlternating(
    KERNELS.map((kernel) => {
      const rows = rowsOfA(size, kernel);
      const slab = firstRows(a, rows);
      return { name: kernel.name, unitsPerStep: 2 * rows * size * size, step: () => void kernel.multiply(slab, b) };
    }),
    schedule,
  );
  return results.map((result) => {
    if (result.error !== undefined) throw new Error(`kernelRates: ${result.name} failed at ${size}: ${result.error}`);
    return result.medianRate / 1e9;
  });
}

/** The largest |x − y| over two equal-shaped tensors: 0 means they agree to the last bit. */
export function maxAbsDifference(x: Tensor, y: Tensor): number {
  let largest = 0;
  for (let i = 0; i < x.size; i++) largest = Math.max(largest, Math.abs(x.data[i] - y.data[i]));
  return largest;
}

/** This machine's data caches as Linux reports them ("L1 32K, L2 512K, L3 32768K"), or undefined elsewhere. */
export function dataCaches(): string | undefined {
  const caches: string[] = [];
  for (let index = 0; index < 8; index++) {
    const folder = `/sys/devices/system/cpu/cpu0/cache/index${index}`;
    try {
      const type = readFileSync(`${folder}/type`, "utf8").trim();
      if (type === "Instruction") continue;
      caches.push(`L${readFileSync(`${folder}/level`, "utf8").trim()} ${readFileSync(`${folder}/size`, "utf8").trim()}`);
    } catch {
      break;
    }
  }
  return caches.length > 0 ? caches.join(", ") : undefined;
}
