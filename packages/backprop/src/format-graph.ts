import type { Value } from "./value.ts";
import { topologicalOrder } from "./topological-order.ts";

/**
 * A text picture of the graph that produced `root`: a tree from the output down to the
 * leaves, one node per line with its label, op, data and grad, columns aligned.
 *
 *   o = tanh             data  0.7071   grad  1.0000
 *   └─ n = +             data  0.8814   grad  0.5000
 *      ├─ +              data -6.0000   grad  0.5000
 *      │  ├─ x1·w1 = *   data -6.0000   grad  0.5000
 *      │  │  ├─ x1       data  2.0000   grad -1.5000
 *      │  │  └─ w1       data -3.0000   grad  1.0000
 *      │  └─ x2·w2 = *   data  0.0000   grad  0.5000
 *      │     ├─ x2       data  0.0000   grad  0.5000
 *      │     └─ w2       data  1.0000   grad  0.0000
 *      └─ b              data  6.8814   grad  0.5000
 *
 * A node used more than once (x in x·x, or the middle of a diamond) is drawn in full the
 * first time and tagged [#1]; later uses print only "↑ #1", so shared subgraphs are
 * never repeated. Meant for graphs small enough to read (each level indents 3 columns);
 * it walks with an explicit stack, like topologicalOrder.
 */
export function formatGraph(root: Value): string {
  const sharedIds = new Map<Value, number>(); // nodes used more than once → their [#n]
  const uses = countUses(root);
  const drawn = new Set<Value>();
  const rows: Row[] = [];
  // Each entry: a node, the branch drawn before it ("├─ ", "└─ "), the indent for its inputs.
  const stack = [{ node: root, branch: "", indent: "" }];
  while (stack.length > 0) {
    const { node, branch, indent } = stack.pop()!;
    if (drawn.has(node)) {
      rows.push({ tree: `${branch}${nameOf(node)}  ↑ #${sharedIds.get(node)}`, node: undefined });
      continue;
    }
    drawn.add(node);
    if ((uses.get(node) ?? 0) > 1) sharedIds.set(node, sharedIds.size + 1);
    const tag = sharedIds.has(node) ? `  [#${sharedIds.get(node)}]` : "";
    rows.push({ tree: branch + nameOf(node) + tag, node });
    // Push inputs last-first, so the first input is popped (drawn) first.
    for (let i = node.inputs.length - 1; i >= 0; i--) {
      const isLast = i === node.inputs.length - 1;
      stack.push({ node: node.inputs[i], branch: indent + (isLast ? "└─ " : "├─ "), indent: indent + (isLast ? "   " : "│  ") });
    }
  }
  return layOut(rows);
}

interface Row {
  tree: string;
  node: Value | undefined; // undefined for a "↑ #n" reference to a node drawn above
}

function countUses(root: Value): Map<Value, number> {
  const uses = new Map<Value, number>();
  for (const node of topologicalOrder(root)) {
    for (const input of node.inputs) uses.set(input, (uses.get(input) ?? 0) + 1);
  }
  return uses;
}

/** "o = tanh" for a labelled op, "tanh" for an unlabelled one, "x1" or "leaf" for a leaf. */
function nameOf(node: Value): string {
  if (node.op === "") return node.label === "" ? "leaf" : node.label;
  return node.label === "" ? node.op : `${node.label} = ${node.op}`;
}

function layOut(rows: Row[]): string {
  const numbers = rows.map((row) => (row.node ? [formatNumber(row.node.data), formatNumber(row.node.grad)] : ["", ""]));
  const treeWidth = widest(rows.map((row) => [...row.tree].length));
  const dataWidth = widest(numbers.map(([data]) => data.length));
  const gradWidth = widest(numbers.map(([, grad]) => grad.length));
  return rows
    .map((row, i) => {
      if (!row.node) return row.tree;
      const [data, grad] = numbers[i];
      const padding = " ".repeat(treeWidth - [...row.tree].length);
      return `${row.tree}${padding}   data ${data.padStart(dataWidth)}   grad ${grad.padStart(gradWidth)}`;
    })
    .join("\n");
}

function widest(widths: number[]): number {
  return widths.reduce((widest, width) => Math.max(widest, width), 0); // no Math.max(...): big graphs
}

/** Four decimals, like micrograd's pictures; scientific notation when that would hide the number. */
function formatNumber(x: number): string {
  const size = Math.abs(x);
  if (size !== 0 && (size < 1e-4 || size >= 1e6)) return x.toExponential(3);
  return x.toFixed(4);
}
