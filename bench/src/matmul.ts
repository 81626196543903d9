/**
 * Matrix multiply: C = A·B for square n×n matrices, an n³ multiply-adds, so 2n³
 * floating-point operations; the rate is reported in GFLOP/s.
 *
 *   gradschool   matmul, the packed 4×4 register-blocked kernel every layer uses (float64);
 *                at the small sizes also the two plain loops it grew from, matmulNaive
 *                (i-j-k) and matmulIkj (i-k-j), to show what the packing buys
 *   TF.js        tf.matMul on the cpu and wasm backends (float32), then dataSync() to wait
 *                for the result and copy it out, as a caller would
 *   ConvNetJS    has no matrix multiply of its own: "—"
 *
 * Before timing, every TF.js product is checked against gradschool's, so a backend that
 * computed something else could not win.
 */
import * as tf from "@tensorflow/tfjs-core";
import { matmul, matmulIkj, matmulNaive, randn, rng, type Tensor } from "@gradschool/tensor";
import type { Contestant } from "./measure.ts";
import { type TfBackend, useBackend } from "./peers/tfjs.ts";
import { MATMUL_HEADER, errorNotes, matmulRow, runRows } from "./report.ts";
import { type Settings, describeSchedule } from "./settings.ts";
import type { Table } from "./table.ts";

export async function benchMatmul(settings: Settings): Promise<Table> {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const size of settings.matmulSizes) {
    const random = rng(2024);
    const a = randn([size, size], random);
    const b = randn([size, size], random);
    const reference = matmul(a, b);
    const contestants: Contestant[] = [gradschoolMatmul("gradschool matmul (packed 4×4)", matmul, a, b)];
    if (settings.matmulContextSizes.includes(size)) {
      contestants.push(gradschoolMatmul("gradschool matmulIkj", matmulIkj, a, b));
      contestants.push(gradschoolMatmul("gradschool matmulNaive", matmulNaive, a, b));
    }
    contestants.push(await tfjsMatmul("cpu", a, b, reference), await tfjsMatmul("wasm", a, b, reference));
    const results = await runRows([...contestants, { name: "ConvNetJS", absent: "—" }], settings.matmul);
    rows.push(...results.map((row) => matmulRow(`${size}`, row, results[0])));
    notes.push(...errorNotes(results));
  }
  return {
    title: "Matrix multiply, n×n · n×n (GFLOP/s = 2n³ / time)",
    header: MATMUL_HEADER,
    rows,
    leftColumns: 2,
    notes: [
      `${describeSchedule(settings.matmul)}; one step is one product`,
      "gradschool computes in float64, TF.js in float32 (half the bytes to move, and SIMD lanes hold twice as many)",
      ...notes,
    ],
  };
}

function gradschoolMatmul(name: string, multiply: (a: Tensor, b: Tensor) => Tensor, a: Tensor, b: Tensor): Contestant {
  const size = a.shape[0];
  return { name, unitsPerStep: 2 * size ** 3, step: () => void multiply(a, b) };
}

async function tfjsMatmul(backend: TfBackend, a: Tensor, b: Tensor, reference: Tensor): Promise<Contestant> {
  await useBackend(backend);
  const size = a.shape[0];
  const a32 = tf.tensor2d(Float32Array.from(a.data), [size, size]);
  const b32 = tf.tensor2d(Float32Array.from(b.data), [size, size]);
  const product = tf.matMul(a32, b32);
  checkAgrees(`TF.js (${backend}) ${size}×${size}`, product.dataSync(), reference);
  product.dispose();
  return {
    name: `TF.js (${backend})`,
    unitsPerStep: 2 * size ** 3,
    beforeBlock: () => useBackend(backend),
    step: () => {
      const c = tf.matMul(a32, b32);
      c.dataSync();
      c.dispose();
    },
    dispose: () => tf.dispose([a32, b32]),
  };
}

/** Float32 sums of n products drift by about √n · 2⁻²⁴ of their size; 1e-4 of the largest entry is plenty. */
function checkAgrees(what: string, values: ArrayLike<number>, reference: Tensor): void {
  let largest = 0;
  let worst = 0;
  for (let i = 0; i < reference.size; i++) {
    largest = Math.max(largest, Math.abs(reference.data[i]));
    worst = Math.max(worst, Math.abs(values[i] - reference.data[i]));
  }
  if (!(worst <= 1e-4 * largest)) {
    throw new Error(`bench: ${what} disagrees with gradschool's matmul by ${worst} (largest entry ${largest})`);
  }
}
