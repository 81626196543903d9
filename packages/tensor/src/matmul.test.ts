import { describe, test, expect } from "vitest";
import { matmul, matmulTransA, matmulTransB, matmulInto } from "./matmul.ts";
import { matmulNaive, matmulIkj } from "./matmul-reference.ts";
import { reshape } from "./shape.ts";
import { arange, eye, full, tensor, zeros } from "./tensor.ts";

const a2x3 = () => tensor([[1, 2, 3], [4, 5, 6]]);
const b3x2 = () => tensor([[7, 8], [9, 10], [11, 12]]);

describe("matrix products on small examples", () => {
  test("[[1, 2], [3, 4]] · [[5, 6], [7, 8]] is [[19, 22], [43, 50]]", () => {
    const product = matmul(tensor([[1, 2], [3, 4]]), tensor([[5, 6], [7, 8]]));
    expect(product.toArray()).toEqual([[19, 22], [43, 50]]);
  });

  test("[2, 3] · [3, 2] gives [2, 2], and every implementation agrees", () => {
    const expected = [[58, 64], [139, 154]];
    expect(matmul(a2x3(), b3x2()).toArray()).toEqual(expected);
    expect(matmulNaive(a2x3(), b3x2()).toArray()).toEqual(expected);
    expect(matmulIkj(a2x3(), b3x2()).toArray()).toEqual(expected);
  });

  test("a row times a column is a dot product, a column times a row an outer product", () => {
    expect(matmul(tensor([[1, 2, 3]]), tensor([[4], [5], [6]])).toArray()).toEqual([[32]]);
    expect(matmul(tensor([[1], [2]]), tensor([[3, 4, 5]])).toArray()).toEqual([[3, 4, 5], [6, 8, 10]]);
  });

  test("multiplying by the identity changes nothing", () => {
    const m = reshape(arange(30), [5, 6]);
    expect(matmul(m, eye(6)).toArray()).toEqual(m.toArray());
    expect(matmul(eye(5), m).toArray()).toEqual(m.toArray());
  });

  test("an inner dimension of 0 gives a matrix of zeros", () => {
    expect(matmul(zeros([2, 0]), zeros([0, 3])).toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
  });

  test("matmulTransA(a, b) is aᵀ · b, reading a as [k, m]", () => {
    expect(matmulTransA(tensor([[1, 4], [2, 5], [3, 6]]), b3x2()).toArray()).toEqual([[58, 64], [139, 154]]);
  });

  test("matmulTransB(a, b) is a · bᵀ, reading b as [n, k]", () => {
    expect(matmulTransB(a2x3(), tensor([[7, 9, 11], [8, 10, 12]])).toArray()).toEqual([[58, 64], [139, 154]]);
  });

  test("leaves its operands unchanged", () => {
    const a = a2x3();
    const b = b3x2();
    matmul(a, b);
    expect(a.toArray()).toEqual(a2x3().toArray());
    expect(b.toArray()).toEqual(b3x2().toArray());
  });

  test("a small product after a large one is not disturbed by the reused packing buffers", () => {
    matmul(full([37, 50], 3), full([50, 29], 5));
    expect(matmul(tensor([[1, 2], [3, 4]]), tensor([[5, 6], [7, 8]])).toArray()).toEqual([[19, 22], [43, 50]]);
  });
});

describe("matmulInto", () => {
  test("writes the product into out and returns out itself", () => {
    const out = zeros([2, 2]);
    expect(matmulInto(out, a2x3(), b3x2())).toBe(out);
    expect(out.toArray()).toEqual([[58, 64], [139, 154]]);
  });

  test("overwrites whatever out held before, even NaN", () => {
    const out = full([5, 5], NaN);
    matmulInto(out, eye(5), eye(5));
    expect(out.toArray()).toEqual(eye(5).toArray());
  });

  test("with accumulate adds the product to what out already holds", () => {
    const out = full([2, 2], 1);
    matmulInto(out, a2x3(), b3x2(), { accumulate: true });
    expect(out.toArray()).toEqual([[59, 65], [140, 155]]);
  });

  test("takes transA and transB like matmulTransA and matmulTransB", () => {
    const out = zeros([2, 2]);
    matmulInto(out, tensor([[1, 4], [2, 5], [3, 6]]), tensor([[7, 9, 11], [8, 10, 12]]), { transA: true, transB: true });
    expect(out.toArray()).toEqual([[58, 64], [139, 154]]);
  });

  test("rejects an out of the wrong shape, naming the shape it needs", () => {
    expect(() => matmulInto(zeros([2, 3]), a2x3(), b3x2())).toThrow(
      /matmulInto: out is \[2, 3\]; expected \[2, 2\] for this product/,
    );
    expect(() => matmulInto(zeros([4]), a2x3(), b3x2())).toThrow(/matmulInto: out is \[4\]; expected \[2, 2\]/);
  });

  test("rejects an out that shares its buffer with an operand", () => {
    const square = tensor([[1, 2], [3, 4]]);
    expect(() => matmulInto(square, square, eye(2))).toThrow(
      /matmulInto: out shares its buffer with an operand; expected a separate output tensor/,
    );
    expect(() => matmulInto(square, eye(2), square)).toThrow(/matmulInto: out shares its buffer/);
  });
});

describe("matmul errors name the op and both shapes", () => {
  test("matmul rejects [2, 3]·[2, 3] and names both shapes", () => {
    expect(() => matmul(a2x3(), a2x3())).toThrow(
      /matmul: inner dimensions differ — a is \[2, 3\], b is \[2, 3\]; expected b to have 3 rows to match a's 3 columns/,
    );
  });

  test("non-2-D inputs throw, naming both shapes", () => {
    expect(() => matmul(tensor([1, 2, 3]), b3x2())).toThrow(/matmul: expected two 2-D matrices — a is \[3\], b is \[3, 2\]/);
    expect(() => matmul(a2x3(), zeros([3, 2, 1]))).toThrow(/matmul: expected two 2-D matrices — a is \[2, 3\], b is \[3, 2, 1\]/);
  });

  test("matmulTransA names aᵀ when a's rows do not match b's rows", () => {
    expect(() => matmulTransA(a2x3(), b3x2())).toThrow(
      /matmulTransA: inner dimensions differ — a is \[2, 3\], b is \[3, 2\]; expected b to have 2 rows to match aᵀ's 2 columns/,
    );
  });

  test("matmulTransB names bᵀ when a's columns do not match b's columns", () => {
    expect(() => matmulTransB(a2x3(), b3x2())).toThrow(
      /matmulTransB: inner dimensions differ — a is \[2, 3\], b is \[3, 2\]; expected bᵀ to have 3 rows \(b 3 columns\) to match a's 3 columns/,
    );
  });

  test("matmulInto checks the operands before out", () => {
    expect(() => matmulInto(zeros([2, 2]), a2x3(), a2x3())).toThrow(/matmulInto: inner dimensions differ — a is \[2, 3\], b is \[2, 3\]/);
  });

  test("the reference implementations name themselves", () => {
    expect(() => matmulNaive(a2x3(), a2x3())).toThrow(/matmulNaive: inner dimensions differ/);
    expect(() => matmulIkj(a2x3(), a2x3())).toThrow(/matmulIkj: inner dimensions differ/);
  });
});
