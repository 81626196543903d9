import { describe, expect, test } from "vitest";
import { value } from "./value.ts";
import { topologicalOrder, zeroGrad } from "./topological-order.ts";

describe("topologicalOrder", () => {
  test("puts every node after its inputs and the root last", () => {
    const [x, w, b] = [value(1, "x"), value(2, "w"), value(3, "b")];
    const xw = x.mul(w);
    const n = xw.add(b);
    const o = n.tanh();
    const order = topologicalOrder(o);
    expect(order).toEqual([x, w, xw, b, n, o]);
    for (const [position, node] of order.entries()) {
      for (const input of node.inputs) expect(order.indexOf(input)).toBeLessThan(position);
    }
  });

  test("lists a node used twice only once", () => {
    const x = value(3, "x");
    const square = x.mul(x);
    expect(topologicalOrder(square)).toEqual([x, square]);
  });

  test("a leaf on its own is a graph of one node", () => {
    const x = value(1);
    expect(topologicalOrder(x)).toEqual([x]);
  });

  test("orders a chain of 100,000 nodes without overflowing the stack", () => {
    const x = value(0);
    let y = x;
    for (let step = 0; step < 100_000; step++) y = y.tanh();
    const order = topologicalOrder(y);
    expect(order.length).toBe(100_001);
    expect(order[0]).toBe(x);
    expect(order.at(-1)).toBe(y);
  });
});

describe("zeroGrad", () => {
  test("sets grad to 0 on every node of the graph and leaves other graphs alone", () => {
    const [x, w] = [value(2), value(-1)];
    const y = x.mul(w).exp();
    y.backward();
    const other = value(5);
    other.grad = 4;
    zeroGrad(y);
    expect(topologicalOrder(y).map((node) => node.grad)).toEqual([0, 0, 0, 0]);
    expect(other.grad).toBe(4);
  });
});
