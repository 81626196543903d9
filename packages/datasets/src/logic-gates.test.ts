import { describe, test, expect } from "vitest";
import { andGate, orGate, xor } from "./logic-gates.ts";

describe("logic gates", () => {
  test("all three share the inputs (0,0) (0,1) (1,0) (1,1) as a [4, 2] tensor", () => {
    for (const gate of [andGate, orGate, xor]) {
      const { x, classes } = gate();
      expect(x.shape).toEqual([4, 2]);
      expect(x.toArray()).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
      expect(classes).toBe(2);
    }
  });

  test("the labels are the gates' truth tables", () => {
    expect(Array.from(andGate().y)).toEqual([0, 0, 0, 1]);
    expect(Array.from(orGate().y)).toEqual([0, 1, 1, 1]);
    expect(Array.from(xor().y)).toEqual([0, 1, 1, 0]);
  });

  test("each label equals the gate applied to the row's inputs", () => {
    const rules = [
      [andGate, (a: number, b: number) => a & b],
      [orGate, (a: number, b: number) => a | b],
      [xor, (a: number, b: number) => a ^ b],
    ] as const;
    for (const [gate, rule] of rules) {
      const { x, y } = gate();
      for (let i = 0; i < 4; i++) expect(y[i]).toBe(rule(x.get(i, 0), x.get(i, 1)));
    }
  });

  test("each call returns fresh data, so editing one copy leaves the next untouched", () => {
    const first = xor();
    first.x.data[0] = 42;
    first.y[0] = 1;
    const second = xor();
    expect(second.x.data[0]).toBe(0);
    expect(second.y[0]).toBe(0);
  });
});
