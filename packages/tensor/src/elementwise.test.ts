import { describe, test, expect } from "vitest";
import { add, sub, mul, div, scale, neg, map, zipMap, broadcastShapes } from "./elementwise.ts";
import { tensor, arange } from "./tensor.ts";
import { reshape } from "./shape.ts";

const matrix = () => tensor([[1, 2, 3], [4, 5, 6]]);

describe("elementwise ops on tensors of the same shape", () => {
  test("add, sub, mul and div work element by element", () => {
    const a = tensor([[1, 2], [3, 4]]);
    const b = tensor([[10, 20], [30, 40]]);
    expect(add(a, b).toArray()).toEqual([[11, 22], [33, 44]]);
    expect(sub(a, b).toArray()).toEqual([[-9, -18], [-27, -36]]);
    expect(mul(a, b).toArray()).toEqual([[10, 40], [90, 160]]);
    expect(div(b, a).toArray()).toEqual([[10, 10], [10, 10]]);
  });

  test("return a new tensor and leave the inputs unchanged", () => {
    const a = matrix();
    const b = matrix();
    const result = add(a, b);
    expect(result.data).not.toBe(a.data);
    expect(a.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(b.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  test("div follows IEEE arithmetic: x/0 is ±Infinity and 0/0 is NaN", () => {
    expect([...div(tensor([1, -1, 0]), 0).data]).toEqual([Infinity, -Infinity, NaN]);
  });
});

describe("a plain number acts as a scalar on either side", () => {
  test("tensor op number", () => {
    expect(add(matrix(), 10).toArray()).toEqual([[11, 12, 13], [14, 15, 16]]);
    expect(sub(matrix(), 1).toArray()).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(mul(matrix(), 2).toArray()).toEqual([[2, 4, 6], [8, 10, 12]]);
    expect(div(matrix(), 2).toArray()).toEqual([[0.5, 1, 1.5], [2, 2.5, 3]]);
  });

  test("number op tensor keeps the order of the operands", () => {
    expect(sub(10, matrix()).toArray()).toEqual([[9, 8, 7], [6, 5, 4]]);
    expect(div(12, tensor([1, 2, 3, 4])).toArray()).toEqual([12, 6, 4, 3]);
  });

  test("two numbers give a scalar tensor", () => {
    const result = mul(3, 4);
    expect(result.shape).toEqual([]);
    expect(result.item()).toBe(12);
  });
});

describe("broadcasting", () => {
  test("a row vector [n] is added to every row of an [m, n] matrix", () => {
    expect(add(matrix(), tensor([10, 20, 30])).toArray()).toEqual([[11, 22, 33], [14, 25, 36]]);
    expect(sub(tensor([10, 20, 30]), matrix()).toArray()).toEqual([[9, 18, 27], [6, 15, 24]]);
  });

  test("a column [m, 1] applies one number per row of an [m, n] matrix", () => {
    expect(mul(matrix(), tensor([[10], [100]])).toArray()).toEqual([[10, 20, 30], [400, 500, 600]]);
    expect(div(matrix(), tensor([[1], [2]])).toArray()).toEqual([[1, 2, 3], [2, 2.5, 3]]);
  });

  test("a column [m, 1] with a row [1, n] gives the full [m, n] table", () => {
    const column = tensor([[0], [10], [20]]);
    const row = tensor([[1, 2, 3, 4]]);
    const table = add(column, row);
    expect(table.shape).toEqual([3, 4]);
    expect(table.toArray()).toEqual([[1, 2, 3, 4], [11, 12, 13, 14], [21, 22, 23, 24]]);
  });

  test("a [3, 1] tensor stretches across a [2, 3, 4] tensor's first and last axes", () => {
    const cube = reshape(arange(24), [2, 3, 4]);
    const perRow = tensor([[100], [200], [300]]);
    const result = add(cube, perRow);
    expect(result.shape).toEqual([2, 3, 4]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        for (let k = 0; k < 4; k++) expect(result.get(i, j, k)).toBe(cube.get(i, j, k) + 100 * (j + 1));
      }
    }
  });

  test("[1, 3, 1] times [2, 1, 4] gives [2, 3, 4] with out[i, j, k] = a[0, j, 0] · b[i, 0, k]", () => {
    const a = tensor([[[1], [2], [3]]]);
    const b = tensor([[[1, 10, 100, 1000]], [[-1, -10, -100, -1000]]]);
    const result = mul(a, b);
    expect(result.shape).toEqual([2, 3, 4]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        for (let k = 0; k < 4; k++) expect(result.get(i, j, k)).toBe(a.get(0, j, 0) * b.get(i, 0, k));
      }
    }
  });

  test("a size-1 tensor broadcasts like a number, and extra leading 1s are kept", () => {
    expect(add(matrix(), tensor([1])).toArray()).toEqual([[2, 3, 4], [5, 6, 7]]);
    expect(add(tensor([[[5]]]), tensor([1, 2])).shape).toEqual([1, 1, 2]);
  });

  test("a zero-length dimension broadcasts against 1 and gives an empty tensor", () => {
    expect(add(tensor([[], []]), tensor([[1], [2]])).shape).toEqual([2, 0]);
  });

  test.each([
    ["add", add],
    ["sub", sub],
    ["mul", mul],
    ["div", div],
  ] as const)("%s rejects shapes that cannot broadcast, naming itself and both shapes", (name, op) => {
    expect(() => op(matrix(), tensor([1, 2, 3, 4]))).toThrow(
      new RegExp(`${name}: shapes \\[2, 3\\] and \\[4\\] cannot be broadcast — dimension 1 is 3 against 4; expected equal sizes or a 1`),
    );
  });

  test("a column of the wrong height is rejected too", () => {
    expect(() => add(matrix(), tensor([[1], [2], [3]]))).toThrow(/add: shapes \[2, 3\] and \[3, 1\] cannot be broadcast/);
  });
});

describe("broadcastShapes", () => {
  test("lines shapes up from the right and stretches the 1s", () => {
    expect(broadcastShapes("add", [32, 10], [10])).toEqual([32, 10]);
    expect(broadcastShapes("add", [4, 1], [1, 5])).toEqual([4, 5]);
    expect(broadcastShapes("add", [2, 1, 3], [4, 1])).toEqual([2, 4, 3]);
    expect(broadcastShapes("add", [], [2, 2])).toEqual([2, 2]);
    expect(broadcastShapes("add", [0], [1])).toEqual([0]);
  });

  test("names the op, both shapes and the dimension that disagrees", () => {
    expect(() => broadcastShapes("softmax", [32, 10], [3])).toThrow(
      /softmax: shapes \[32, 10\] and \[3\] cannot be broadcast — dimension 1 is 10 against 3/,
    );
  });
});

describe("scale, neg, map and zipMap", () => {
  test("scale multiplies every element by a factor", () => {
    expect(scale(matrix(), 0.5).toArray()).toEqual([[0.5, 1, 1.5], [2, 2.5, 3]]);
  });

  test("neg flips every sign", () => {
    expect(neg(tensor([1, -2, 0])).toArray()).toEqual([-1, 2, -0]);
  });

  test("map applies a function to each element and passes its flat index", () => {
    expect(map(tensor([[1, 4], [9, 16]]), Math.sqrt).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(map(tensor([[5, 5], [5, 5]]), (value, index) => value * index).toArray()).toEqual([[0, 5], [10, 15]]);
  });

  test("zipMap combines matching elements of two tensors and passes the index", () => {
    const result = zipMap(tensor([1, 2, 3]), tensor([10, 20, 30]), (x, y, index) => x * y + index);
    expect(result.toArray()).toEqual([10, 41, 92]);
  });

  test("zipMap does not broadcast: different shapes throw naming both", () => {
    expect(() => zipMap(matrix(), tensor([1, 2, 3]), (x, y) => x + y)).toThrow(
      /zipMap: shapes differ — a is \[2, 3\], b is \[3\]; expected equal shapes/,
    );
  });

  test("scale, neg, map and zipMap leave their input unchanged", () => {
    const input = matrix();
    scale(input, 3);
    neg(input);
    map(input, (value) => value + 1);
    zipMap(input, input, (x, y) => x * y);
    expect(input.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
});
