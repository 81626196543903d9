import { describe, test, expect } from "vitest";
import fc from "fast-check";
import { add, sub, mul, div, neg } from "./elementwise.ts";
import { randn } from "./random.ts";
import { rng } from "./rng.ts";
import { Tensor, tensor, sameShape } from "./tensor.ts";

/**
 * Broadcasting laws, checked on random tensors. fast-check picks a seed and the sizes;
 * the values come from rng(seed), so every run (and every shrunk counterexample) is
 * reproducible from the numbers fast-check prints.
 */
const RUNS = { seed: 42, numRuns: 200 };

const sizes = fc.record({
  seed: fc.integer(),
  rows: fc.integer({ min: 1, max: 6 }),
  cols: fc.integer({ min: 1, max: 6 }),
});

/** The shapes an [rows, cols] matrix broadcasts with. */
const partnerShapes = (rows: number, cols: number): number[][] =>
  [[rows, cols], [cols], [1, cols], [rows, 1], [1], [1, 1], [], [2, rows, cols], [3, 1, 1]];

const ops = [
  ["add", add],
  ["sub", sub],
  ["mul", mul],
  ["div", div],
] as const;

/** Bitwise equality of shape and values: these laws hold exactly in float64. */
function identical(a: Tensor, b: Tensor): boolean {
  return sameShape(a.shape, b.shape) && a.data.every((value, i) => Object.is(value, b.data[i]));
}

describe("broadcasting laws (fast-check, seed 42)", () => {
  test("add and mul are commutative under broadcasting", () => {
    fc.assert(
      fc.property(sizes, fc.nat(8), ({ seed, rows, cols }, pick) => {
        const random = rng(seed);
        const a = randn([rows, cols], random);
        const b = randn(partnerShapes(rows, cols)[pick], random);
        return identical(add(a, b), add(b, a)) && identical(mul(a, b), mul(b, a));
      }),
      RUNS,
    );
  });

  test("a + row vector equals adding the vector to each row explicitly", () => {
    fc.assert(
      fc.property(sizes, ({ seed, rows, cols }) => {
        const random = rng(seed);
        const a = randn([rows, cols], random);
        const row = randn([cols], random);
        const expected = new Tensor(new Float64Array(rows * cols), [rows, cols]);
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) expected.set(a.get(i, j) + row.get(j), i, j);
        }
        return identical(add(a, row), expected);
      }),
      RUNS,
    );
  });

  test("a + column vector equals adding its i-th entry to row i", () => {
    fc.assert(
      fc.property(sizes, ({ seed, rows, cols }) => {
        const random = rng(seed);
        const a = randn([rows, cols], random);
        const column = randn([rows, 1], random);
        const expected = new Tensor(new Float64Array(rows * cols), [rows, cols]);
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) expected.set(a.get(i, j) + column.get(i, 0), i, j);
        }
        return identical(add(a, column), expected);
      }),
      RUNS,
    );
  });

  test.each(ops)("%s against a size-1 tensor equals %s against the plain number", (_name, op) => {
    fc.assert(
      fc.property(sizes, fc.double({ min: -10, max: 10, noNaN: true }), ({ seed, rows, cols }, scalar) => {
        const a = randn([rows, cols], rng(seed));
        return identical(op(a, tensor([scalar])), op(a, scalar)) && identical(op(tensor([[scalar]]), a), op(scalar, a));
      }),
      RUNS,
    );
  });

  test("sub(a, b) equals add(a, neg(b)) under broadcasting", () => {
    fc.assert(
      fc.property(sizes, fc.nat(8), ({ seed, rows, cols }, pick) => {
        const random = rng(seed);
        const a = randn([rows, cols], random);
        const b = randn(partnerShapes(rows, cols)[pick], random);
        return identical(sub(a, b), add(a, neg(b))) && identical(sub(b, a), add(b, neg(a)));
      }),
      RUNS,
    );
  });

  test("the result has the broadcast shape, whichever side is larger", () => {
    fc.assert(
      fc.property(sizes, fc.nat(8), ({ seed, rows, cols }, pick) => {
        const partner = partnerShapes(rows, cols)[pick];
        const a = randn([rows, cols], rng(seed));
        const b = randn(partner, rng(seed + 1));
        const expected = partner.length === 3 ? [partner[0], rows, cols] : [rows, cols];
        expect(add(a, b).shape).toEqual(expected);
        expect(add(b, a).shape).toEqual(expected);
      }),
      RUNS,
    );
  });
});
