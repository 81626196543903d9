import { sigmoidOf } from "@gradschool/activations";
import { topologicalOrder } from "./topological-order.ts";

/**
 * A number that remembers how it was made, so it can answer "how does the output change
 * when I nudge you?" — scalar reverse-mode autograd, as in Karpathy's micrograd.
 *
 * Every operation returns a new Value that records its op and inputs, and right beside
 * its forward it sets `localBackward`: one step of the chain rule,
 *
 *   input.grad += (∂out/∂input) · out.grad
 *
 * Only eight operations are primitives (add, mul, pow, exp, log, tanh, sigmoid, relu);
 * neg, sub and div are one-liners built from them, so their gradients come for free.
 * A plain number as the other operand becomes a leaf Value (a constant).
 */
export class Value {
  /** The number this node holds. */
  data: number;
  /** ∂(output)/∂(this node), filled in by `backward()`; starts at 0 and accumulates. */
  grad = 0;
  /** "" for a leaf, else the operation that made it: "+", "*", "tanh", … */
  readonly op: string;
  /** The Values this one was computed from (none for a leaf). */
  readonly inputs: readonly Value[];
  /** A name for printing ("" if none). */
  label: string;
  /**
   * One step of the chain rule: add out.grad × each local derivative into the inputs'
   * grads. Set by the operation that made this node; a leaf has nothing to pass on.
   * Public so that you can define an operation of your own outside this class.
   */
  localBackward: () => void = () => {};

  /** A leaf: `new Value(2, "x")`. `op` and `inputs` are for the operations below. */
  constructor(data: number, label = "", op = "", inputs: readonly Value[] = []) {
    if (typeof data !== "number") {
      throw new Error(`Value: data must be a number; received ${describe(data)}`);
    }
    this.data = data;
    this.label = label;
    this.op = op;
    this.inputs = inputs;
  }

  add(other: Value | number): Value {
    const that = asValue(other, "add");
    const out = new Value(this.data + that.data, "", "+", [this, that]);
    out.localBackward = () => {
      this.grad += out.grad; // ∂(a + b)/∂a = 1
      that.grad += out.grad; // ∂(a + b)/∂b = 1
    };
    return out;
  }

  mul(other: Value | number): Value {
    const that = asValue(other, "mul");
    const out = new Value(this.data * that.data, "", "*", [this, that]);
    out.localBackward = () => {
      this.grad += that.data * out.grad; // ∂(a·b)/∂a = b
      that.grad += this.data * out.grad; // ∂(a·b)/∂b = a
    };
    return out;
  }

  /** xⁿ for a constant n (for a variable exponent write `n.mul(x.log()).exp()`). */
  pow(exponent: number): Value {
    checkExponent(this, exponent);
    const out = new Value(this.data ** exponent, "", `^${exponent}`, [this]);
    out.localBackward = () => {
      this.grad += exponent * this.data ** (exponent - 1) * out.grad; // ∂xⁿ/∂x = n·xⁿ⁻¹
    };
    return out;
  }

  exp(): Value {
    const out = new Value(Math.exp(this.data), "", "exp", [this]);
    out.localBackward = () => {
      this.grad += out.data * out.grad; // ∂eˣ/∂x = eˣ
    };
    return out;
  }

  /** The natural logarithm ln(x), for x > 0. */
  log(): Value {
    if (!(this.data > 0)) {
      throw new Error(`log: received ${describeValue(this)}; expected a positive number — ln(x) is undefined for x ≤ 0`);
    }
    const out = new Value(Math.log(this.data), "", "log", [this]);
    out.localBackward = () => {
      this.grad += (1 / this.data) * out.grad; // ∂ln(x)/∂x = 1/x
    };
    return out;
  }

  tanh(): Value {
    const out = new Value(Math.tanh(this.data), "", "tanh", [this]);
    out.localBackward = () => {
      this.grad += (1 - out.data ** 2) * out.grad; // ∂tanh(x)/∂x = 1 − tanh(x)²
    };
    return out;
  }

  /** σ(x) = 1 / (1 + e⁻ˣ), computed without overflow for any x. */
  sigmoid(): Value {
    const out = new Value(sigmoidOf(this.data), "", "sigmoid", [this]);
    out.localBackward = () => {
      this.grad += out.data * (1 - out.data) * out.grad; // ∂σ(x)/∂x = σ(x)(1 − σ(x))
    };
    return out;
  }

  /** max(0, x); its slope at the kink x = 0 is taken as 0, as in PyTorch. */
  relu(): Value {
    const out = new Value(Math.max(0, this.data), "", "relu", [this]);
    out.localBackward = () => {
      this.grad += (this.data > 0 ? 1 : 0) * out.grad; // ∂relu(x)/∂x = 1 if x > 0, else 0
    };
    return out;
  }

  // Derived operations: their backward is the chain rule through the primitives they use.
  neg(): Value { return this.mul(-1); } // −a = a·(−1)
  sub(other: Value | number): Value { return this.add(asValue(other, "sub").neg()); } // a − b = a + (−b)
  div(other: Value | number): Value { return this.mul(asValue(other, "div").pow(-1)); } // a / b = a·b⁻¹

  /**
   * Fills every node's grad with ∂(this)/∂(node): seed this.grad with 1, then visit the
   * nodes from the output back to the leaves (reverse topological order, so a node has
   * collected the gradient from every path through it before passing it on).
   *
   * Grads ACCUMULATE, as in PyTorch: this pass's gradient is added to what each grad held.
   * Calling backward twice without zeroGrad doubles every gradient; call
   * `zeroGrad(root)` before each backward when training. (micrograd's version sets
   * out.grad = 1 and pushes whatever the inner grads hold, so a second call would push the
   * first call's gradients down again and give 3× at depth 2, not 2×. We compute this
   * pass from zero and then add the old grads back.)
   */
  backward(): void {
    const order = topologicalOrder(this); // inputs before outputs
    const before = order.map((node) => node.grad);
    for (const node of order) node.grad = 0;
    this.grad = 1; // ∂out/∂out = 1
    for (let i = order.length - 1; i >= 0; i--) order[i].localBackward();
    order.forEach((node, i) => (node.grad += before[i]));
  }
}

/** Shorthand for `new Value(data, label)`. */
export function value(data: number, label?: string): Value {
  return new Value(data, label);
}

function asValue(other: Value | number, op: string): Value {
  if (other instanceof Value) return other;
  if (typeof other === "number") return new Value(other);
  throw new Error(`${op}: the other operand must be a Value or a number; received ${describe(other)}`);
}

function checkExponent(base: Value, exponent: number): void {
  if ((exponent as unknown) instanceof Value) {
    throw new Error(`pow: the exponent must be a plain number, not a Value; for a variable exponent write exponent.mul(base.log()).exp()`);
  }
  if (typeof exponent !== "number" || !Number.isFinite(exponent)) {
    throw new Error(`pow: the exponent must be a finite number; received ${describe(exponent)}`);
  }
  if (base.data < 0 && !Number.isInteger(exponent)) {
    throw new Error(`pow: (${describeValue(base)})^${exponent} is not a real number; a negative base needs an integer exponent`);
  }
}

function describeValue(node: Value): string {
  return node.label === "" ? String(node.data) : `${node.data} (Value "${node.label}")`;
}

function describe(thing: unknown): string {
  if (typeof thing === "string") return `"${thing}" (a string)`;
  if (typeof thing === "number" || thing === null || thing === undefined) return String(thing);
  if (Array.isArray(thing)) return "an array";
  return typeof thing === "object" ? "an object" : `a ${typeof thing}`;
}
