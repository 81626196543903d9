import { describe, expect, test } from "vitest";
import { type Value, value } from "./value.ts";
import { formatGraph } from "./format-graph.ts";

function labelled(node: Value, label: string): Value {
  node.label = label;
  return node;
}

describe("formatGraph", () => {
  test("draws the neuron as a tree from the output down, data and grad aligned on every line", () => {
    const [x1, x2, w1, w2, b] = [value(2, "x1"), value(0, "x2"), value(-3, "w1"), value(1, "w2"), value(6.881373587019543, "b")];
    const n = labelled(labelled(x1.mul(w1), "x1·w1").add(labelled(x2.mul(w2), "x2·w2")).add(b), "n");
    const o = labelled(n.tanh(), "o");
    o.backward();
    expect(formatGraph(o)).toBe(
      [
        "o = tanh             data  0.7071   grad  1.0000",
        "└─ n = +             data  0.8814   grad  0.5000",
        "   ├─ +              data -6.0000   grad  0.5000",
        "   │  ├─ x1·w1 = *   data -6.0000   grad  0.5000",
        "   │  │  ├─ x1       data  2.0000   grad -1.5000",
        "   │  │  └─ w1       data -3.0000   grad  1.0000",
        "   │  └─ x2·w2 = *   data  0.0000   grad  0.5000",
        "   │     ├─ x2       data  0.0000   grad  0.5000",
        "   │     └─ w2       data  1.0000   grad  0.0000",
        "   └─ b              data  6.8814   grad  0.5000",
      ].join("\n"),
    );
  });

  test("a node used twice is drawn once, tagged, and referenced after", () => {
    const x = value(3, "x");
    const y = labelled(x.mul(x), "y");
    y.backward();
    expect(formatGraph(y)).toBe(
      [
        "y = *        data 9.0000   grad 1.0000",
        "├─ x  [#1]   data 3.0000   grad 6.0000",
        "└─ x  ↑ #1",
      ].join("\n"),
    );
  });

  test("stacked diamonds print one line per use, not one per path", () => {
    let x = value(1, "x");
    for (let level = 0; level < 30; level++) x = x.add(x); // 2³⁰ paths from the top to the leaf
    const lines = formatGraph(x).split("\n");
    expect(lines.length).toBe(61); // 31 nodes, and a reference line for each second use
    expect(lines.filter((line) => line.includes("↑")).length).toBe(30);
  });

  test("unlabelled leaves print as leaf, and tiny or huge numbers in scientific notation", () => {
    expect(formatGraph(value(1e-7).mul(2e6))).toBe(
      [
        "*         data   0.2000   grad 0.0000",
        "├─ leaf   data 1.000e-7   grad 0.0000",
        "└─ leaf   data 2.000e+6   grad 0.0000",
      ].join("\n"),
    );
  });

  test("a leaf on its own is one line", () => {
    expect(formatGraph(value(-0.5, "w"))).toBe("w   data -0.5000   grad 0.0000");
  });
});
