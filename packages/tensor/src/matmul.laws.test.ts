import { describe, test, expect } from "vitest";
import fc from "fast-check";
import { matmul, matmulTransA, matmulTransB, matmulInto } from "./matmul.ts";
import { matmulNaive, matmulIkj } from "./matmul-reference.ts";
import { allClose } from "./compare.ts";
import { add } from "./elementwise.ts";
import { randn } from "./random.ts";
import { rng } from "./rng.ts";
import { transpose } from "./shape.ts";
import { clone } from "./tensor.ts";

/**
 * Laws of the matrix product, checked on random matrices. fast-check picks a seed and
 * the sizes (1 … 13 in each dimension, so most are not multiples of the kernel's 4×4
 * tile); the values are randn from rng(seed), so each case is reproducible from the
 * numbers fast-check prints.
 *
 * Tolerances: the fast kernel adds the k products in the same order as the definition,
 * so it matches matmulNaive to the last bit today; we allow rtol 1e-12 so that a future
 * reordering of the sum (blocking over k) does not break the test. Associativity changes
 * the order of the arithmetic, so it is checked with rtol = atol = 1e-10.
 */
const RUNS = { seed: 42, numRuns: 300 };
const EXACT = { rtol: 1e-12, atol: 1e-12 };
const REASSOCIATED = { rtol: 1e-10, atol: 1e-10 };

const dim = fc.integer({ min: 1, max: 13 });
const sizes = fc.record({ seed: fc.integer(), m: dim, k: dim, n: dim });

/** A [m, k] and a [k, n] matrix of N(0, 1) entries drawn from rng(seed). */
function operands(seed: number, m: number, k: number, n: number) {
  const random = rng(seed);
  return { a: randn([m, k], random), b: randn([k, n], random) };
}

describe("the fast matmul against the definition", () => {
  test("matmul equals matmulNaive for every size from 1 to 13 in each dimension", () => {
    fc.assert(
      fc.property(sizes, ({ seed, m, k, n }) => {
        const { a, b } = operands(seed, m, k, n);
        return allClose(matmul(a, b), matmulNaive(a, b), EXACT);
      }),
      RUNS,
    );
  });

  test.each([
    { m: 37, k: 50, n: 29 },
    { m: 64, k: 64, n: 64 },
    { m: 1, k: 100, n: 1 },
    { m: 100, k: 1, n: 3 },
    { m: 5, k: 17, n: 130 },
  ])("matmul equals matmulNaive for [$m, $k] · [$k, $n]", ({ m, k, n }) => {
    const { a, b } = operands(m * 10_000 + k * 100 + n, m, k, n);
    expect(allClose(matmul(a, b), matmulNaive(a, b), EXACT)).toBe(true);
  });

  test("matmulIkj, the cache-friendly loop order, equals matmulNaive", () => {
    fc.assert(
      fc.property(sizes, ({ seed, m, k, n }) => {
        const { a, b } = operands(seed, m, k, n);
        return allClose(matmulIkj(a, b), matmulNaive(a, b), EXACT);
      }),
      RUNS,
    );
  });

  test("matmulTransA(a, b) equals matmul(transpose(a), b)", () => {
    fc.assert(
      fc.property(sizes, ({ seed, m, k, n }) => {
        const random = rng(seed);
        const a = randn([k, m], random);
        const b = randn([k, n], random);
        return allClose(matmulTransA(a, b), matmul(transpose(a), b), EXACT);
      }),
      RUNS,
    );
  });

  test("matmulTransB(a, b) equals matmul(a, transpose(b))", () => {
    fc.assert(
      fc.property(sizes, ({ seed, m, k, n }) => {
        const random = rng(seed);
        const a = randn([m, k], random);
        const b = randn([n, k], random);
        return allClose(matmulTransB(a, b), matmul(a, transpose(b)), EXACT);
      }),
      RUNS,
    );
  });
});

describe("algebraic laws of the product", () => {
  test("(AB)ᵀ equals BᵀAᵀ", () => {
    fc.assert(
      fc.property(sizes, ({ seed, m, k, n }) => {
        const { a, b } = operands(seed, m, k, n);
        return allClose(transpose(matmul(a, b)), matmul(transpose(b), transpose(a)), EXACT);
      }),
      RUNS,
    );
  });

  test("A(BC) equals (AB)C within rtol = atol = 1e-10", () => {
    fc.assert(
      fc.property(sizes, dim, ({ seed, m, k, n }, p) => {
        const random = rng(seed);
        const a = randn([m, k], random);
        const b = randn([k, n], random);
        const c = randn([n, p], random);
        return allClose(matmul(a, matmul(b, c)), matmul(matmul(a, b), c), REASSOCIATED);
      }),
      RUNS,
    );
  });
});

describe("matmulInto", () => {
  test("with accumulate, out ends up as its old content plus the product", () => {
    fc.assert(
      fc.property(sizes, fc.boolean(), fc.boolean(), ({ seed, m, k, n }, transA, transB) => {
        const random = rng(seed);
        const a = randn(transA ? [k, m] : [m, k], random);
        const b = randn(transB ? [n, k] : [k, n], random);
        const before = randn([m, n], random);
        const product = matmul(transA ? transpose(a) : a, transB ? transpose(b) : b);
        const out = matmulInto(clone(before), a, b, { transA, transB, accumulate: true });
        return allClose(out, add(before, product), EXACT);
      }),
      RUNS,
    );
  });

  test("without accumulate, out equals the product whatever it held", () => {
    fc.assert(
      fc.property(sizes, ({ seed, m, k, n }) => {
        const { a, b } = operands(seed, m, k, n);
        const out = randn([m, n], rng(seed + 1));
        matmulInto(out, a, b);
        return allClose(out, matmul(a, b), EXACT);
      }),
      RUNS,
    );
  });
});
