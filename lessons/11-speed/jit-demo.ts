/**
 * What V8's JIT does with a kernel, in its own process so that V8 can narrate it.
 *
 * lesson.ts runs this file as `node --import tsx --trace-opt --trace-deopt jit-demo.ts`.
 * With those two flags V8 prints a line when it decides to optimise a function, when the
 * optimised code is ready, and when it throws that code away ("deoptimises"). This file
 * prints its own timings in between, on the same stdout, so the output is one timeline:
 *
 *   part 1  a fresh i-k-j kernel: the first call runs in the interpreter until V8 compiles
 *           the hot loop; the later calls run the optimised machine code
 *   part 2  dotProduct, optimised for Float64Array, then handed a plain Array of numbers:
 *           the optimised code checks the array's hidden class ("map") before each use,
 *           the check fails, V8 deoptimises, then optimises again for both kinds
 *
 * Its own lines start with "demo:" (lesson.ts reads them); every timing is in microseconds.
 */
import { rng } from "@gradschool/tensor";

/** C = A·B for n×n matrices, i-k-j order: the same loop as matmulIkj, but a function nothing has called yet. */
function freshIkjKernel(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      for (let j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
    }
  }
  return c;
}

/** x · y = Σᵢ xᵢ yᵢ, for any array-like of numbers: a Float64Array, a plain Array, … */
function dotProduct(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += x[i] * y[i];
  return total;
}

const microseconds = (start: number) => ((performance.now() - start) * 1000).toFixed(1);

// Part 1 — time each call of a kernel V8 has never seen.
const SIZE = 64;
const CALLS = 30;
const random = rng(11);
const a = Float64Array.from({ length: SIZE * SIZE }, () => random.normal());
const b = Float64Array.from({ length: SIZE * SIZE }, () => random.normal());
console.log(`demo: kernel ${SIZE}`);
for (let call = 1; call <= CALLS; call++) {
  const start = performance.now();
  freshIkjKernel(a, b, SIZE);
  console.log(`demo: kernel call ${call} ${microseconds(start)}`);
}

// Part 2 — a round is 200 calls of dotProduct on vectors of 1,000 numbers.
const LENGTH = 1000;
const CALLS_PER_ROUND = 200;
const ROUNDS = 25;
const x64 = Float64Array.from({ length: LENGTH }, () => random.normal());
const y64 = Float64Array.from({ length: LENGTH }, () => random.normal());
const xPlain = Array.from(x64);
const yPlain = Array.from(y64);

function round(label: string, x: ArrayLike<number>, y: ArrayLike<number>): void {
  let total = 0;
  const start = performance.now();
  for (let call = 0; call < CALLS_PER_ROUND; call++) total += dotProduct(x, y);
  const perCall = ((performance.now() - start) * 1000) / CALLS_PER_ROUND;
  if (!Number.isFinite(total)) throw new Error("jit-demo: the dot products are not finite");
  console.log(`demo: dot ${label} ${perCall.toFixed(2)}`);
}

console.log(`demo: dot length ${LENGTH}, ${CALLS_PER_ROUND} calls per round`);
for (let r = 0; r < ROUNDS; r++) round("Float64Array", x64, y64);
// V8 compiles on a background thread; a pause lets a busy machine finish and install the code.
await new Promise((resolve) => setTimeout(resolve, 50));
for (let r = 0; r < ROUNDS; r++) round("Float64Array", x64, y64);
console.log("demo: now a plain Array");
round("Array", xPlain, yPlain);
for (let r = 0; r < 2 * ROUNDS; r++) round("Float64Array-after", x64, y64);
console.log("demo: done");
