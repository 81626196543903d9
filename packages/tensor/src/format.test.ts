import { describe, test, expect } from "vitest";
import { formatTensor } from "./format.ts";
import { reshape } from "./shape.ts";
import { arange, tensor, zeros } from "./tensor.ts";

describe("toString / formatTensor", () => {
  test("a 2×2 integer tensor prints without decimals, one row per line", () => {
    expect(tensor([[1, 2], [3, 4]]).toString()).toBe(
      "tensor([[1, 2],\n" +
      "        [3, 4]])",
    );
  });

  test("columns are right-aligned to the widest entry", () => {
    expect(String(tensor([[1, 2, 30], [-4, 5, 6]]))).toBe(
      "tensor([[ 1,  2, 30],\n" +
      "        [-4,  5,  6]])",
    );
  });

  test("a float tensor prints every entry with 4 decimals", () => {
    expect(String(tensor([[1.5, -2], [3.14159, 40]]))).toBe(
      "tensor([[ 1.5000, -2.0000],\n" +
      "        [ 3.1416, 40.0000]])",
    );
  });

  test("the number of decimals can be chosen", () => {
    expect(formatTensor(tensor([Math.PI, Math.E]), { decimals: 2 })).toBe("tensor([3.14, 2.72])");
  });

  test("one very large or very small value switches the whole tensor to exponent notation, as numpy does", () => {
    expect(String(tensor([1e-5, 0.5, 1e7]))).toBe("tensor([1.0000e-5, 5.0000e-1, 1.0000e+7])");
  });

  test("NaN and infinities print as nan, inf and -inf", () => {
    expect(String(tensor([NaN, Infinity, -Infinity]))).toBe("tensor([ nan,  inf, -inf])");
  });

  test("a scalar prints as its number", () => {
    expect(String(tensor(7))).toBe("tensor(7)");
    expect(String(tensor(3.14159))).toBe("tensor(3.1416)");
  });

  test("an empty tensor prints its shape", () => {
    expect(String(zeros([0]))).toBe("tensor([], shape=[0])");
    expect(String(zeros([2, 0]))).toBe("tensor([], shape=[2, 0])");
  });

  test("a 3-D tensor separates its matrices with a blank line", () => {
    expect(String(reshape(arange(12), [2, 2, 3]))).toBe(
      "tensor([[[ 0,  1,  2],\n" +
      "         [ 3,  4,  5]],\n" +
      "\n" +
      "        [[ 6,  7,  8],\n" +
      "         [ 9, 10, 11]]])",
    );
  });

  test("a tensor of up to 1000 elements prints in full", () => {
    const printed = String(arange(1000));
    expect(printed).not.toContain("…");
    expect(printed).toContain(" 500,");
  });

  test("a 100×100 tensor is summarised by its first and last 3 rows and columns", () => {
    expect(String(reshape(arange(10_000), [100, 100]))).toBe(
      "tensor([[   0,    1,    2,    …,   97,   98,   99],\n" +
      "        [ 100,  101,  102,    …,  197,  198,  199],\n" +
      "        [ 200,  201,  202,    …,  297,  298,  299],\n" +
      "        …,\n" +
      "        [9700, 9701, 9702,    …, 9797, 9798, 9799],\n" +
      "        [9800, 9801, 9802,    …, 9897, 9898, 9899],\n" +
      "        [9900, 9901, 9902,    …, 9997, 9998, 9999]])",
    );
  });

  test("a long vector is summarised on one line", () => {
    expect(String(arange(2000))).toBe("tensor([   0,    1,    2,    …, 1997, 1998, 1999])");
  });

  test("in a large tensor, only the dimensions longer than 6 are summarised", () => {
    const lines = String(reshape(arange(1200), [200, 6])).split("\n");
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe("tensor([[   0,    1,    2,    3,    4,    5],");
    expect(lines[3]).toBe("        …,");
  });
});
