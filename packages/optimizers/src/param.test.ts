import { tensor } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { checkParams, formatIndex, zeroGrad } from "./param.ts";

describe("Param helpers", () => {
  test("formatIndex turns a flat offset into a row-major multi-index", () => {
    expect(formatIndex(5, [2, 3])).toBe("[1, 2]");
    expect(formatIndex(0, [4])).toBe("[0]");
    expect(formatIndex(23, [2, 3, 4])).toBe("[1, 2, 3]");
  });

  test("zeroGrad clears every gradient", () => {
    const a = { name: "a", value: tensor([1]), grad: tensor([5]) };
    const b = { name: "b", value: tensor([1, 2]), grad: tensor([-1, 7]) };
    zeroGrad([a, b]);
    expect([...a.grad.data, ...b.grad.data]).toEqual([0, 0, 0]);
  });

  test("checkParams accepts an empty list and rejects something that is not a list", () => {
    expect(() => checkParams("SGD.step", [])).not.toThrow();
    expect(() => checkParams("SGD.step", { name: "w" } as never)).toThrow(
      /SGD\.step: params must be an array of \{ name, value, grad \}; received object/,
    );
  });
});
