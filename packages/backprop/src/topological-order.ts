import type { Value } from "./value.ts";

/**
 * Every node of the graph that produced `root`, each after all of its inputs (leaves
 * first, root last). Walking this list backwards is the order backprop needs: a node is
 * visited only once every node that uses it has passed its gradient down.
 *
 * A depth-first search, written with an explicit stack instead of recursion: a recursive
 * walk would overflow JavaScript's call stack (about 10,000 frames) on a long chain, such
 * as an RNN unrolled over many steps. Each stack entry remembers which input to visit
 * next; a node is emitted when all of its inputs are done. Shared nodes appear once.
 */
export function topologicalOrder(root: Value): Value[] {
  const order: Value[] = [];
  const seen = new Set<Value>([root]);
  const stack = [{ node: root, nextInput: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.nextInput < top.node.inputs.length) {
      const input = top.node.inputs[top.nextInput++];
      if (!seen.has(input)) {
        seen.add(input);
        stack.push({ node: input, nextInput: 0 });
      }
    } else {
      stack.pop();
      order.push(top.node); // all its inputs are already in `order`
    }
  }
  return order;
}

/** Sets grad = 0 on every node of the graph that produced `root`, before the next backward. */
export function zeroGrad(root: Value): void {
  for (const node of topologicalOrder(root)) node.grad = 0;
}
