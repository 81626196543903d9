import { describe, expect, test } from "vitest";
import { Value, value } from "./value.ts";
import { topologicalOrder, zeroGrad } from "./topological-order.ts";

/** o = tanh(x1·w1 + x2·w2 + b), micrograd's neuron, with b chosen so that n = 0.8814 and o = 1/√2. */
function neuron(): { o: Value; x1: Value; x2: Value; w1: Value; w2: Value; b: Value } {
  const [x1, x2, w1, w2, b] = [value(2, "x1"), value(0, "x2"), value(-3, "w1"), value(1, "w2"), value(6.881373587019543, "b")];
  const o = x1.mul(w1).add(x2.mul(w2)).add(b).tanh();
  return { o, x1, x2, w1, w2, b };
}

describe("Value", () => {
  test("a leaf holds its number, starts with grad 0, and has no op and no inputs", () => {
    const x = new Value(2.5, "x");
    expect([x.data, x.grad, x.op, x.inputs.length, x.label]).toEqual([2.5, 0, "", 0, "x"]);
    expect(new Value(1).label).toBe("");
  });

  test("value(data, label) is shorthand for new Value(data, label)", () => {
    const x = value(3, "x");
    expect(x).toBeInstanceOf(Value);
    expect([x.data, x.label]).toEqual([3, "x"]);
  });

  test("an operation records its op and the inputs it came from", () => {
    const a = value(2), b = value(3);
    const product = a.mul(b);
    expect(product.op).toBe("*");
    expect(product.inputs).toEqual([a, b]);
    expect(product.inputs[0]).toBe(a);
  });

  test("a plain number as the other operand becomes a leaf Value", () => {
    const sum = value(2).add(3);
    expect(sum.data).toBe(5);
    expect(sum.inputs[1]).toBeInstanceOf(Value);
    expect([sum.inputs[1].data, sum.inputs[1].op]).toEqual([3, ""]);
  });

  test("every operation computes the number Math does", () => {
    const x = value(0.7);
    expect(x.add(2).data).toBe(2.7);
    expect(x.sub(0.2).data).toBeCloseTo(0.5, 15);
    expect(x.mul(-3).data).toBeCloseTo(-2.1, 15);
    expect(x.div(2).data).toBe(0.35);
    expect(x.pow(3).data).toBeCloseTo(0.343, 15);
    expect(x.neg().data).toBe(-0.7);
    expect(x.exp().data).toBe(Math.exp(0.7));
    expect(x.log().data).toBe(Math.log(0.7));
    expect(x.tanh().data).toBe(Math.tanh(0.7));
    expect(x.sigmoid().data).toBeCloseTo(1 / (1 + Math.exp(-0.7)), 15);
    expect([x.relu().data, x.neg().relu().data]).toEqual([0.7, 0]);
  });

  test("neg, sub and div are built from mul, add and pow, so they need no backward of their own", () => {
    const a = value(5), b = value(2);
    expect(a.neg().op).toBe("*"); // −a = a·(−1)
    expect(a.sub(b).op).toBe("+"); // a − b = a + (−b)
    expect(a.sub(b).inputs[1].op).toBe("*");
    expect(a.div(b).op).toBe("*"); // a / b = a · b⁻¹
    expect(a.div(b).inputs[1].op).toBe("^-1");
  });

  test("sigmoid stays finite and exact at ±1000", () => {
    expect(value(1000).sigmoid().data).toBe(1);
    expect(value(-1000).sigmoid().data).toBe(0);
  });

  test("tanh'(0) is 1, σ'(0) is 1/4 and relu'(0) is 0, as in PyTorch", () => {
    const slopeAt = (op: (x: Value) => Value, at: number): number => {
      const x = value(at);
      op(x).backward();
      return x.grad;
    };
    expect(slopeAt((x) => x.tanh(), 0)).toBe(1);
    expect(slopeAt((x) => x.sigmoid(), 0)).toBe(0.25);
    expect(slopeAt((x) => x.relu(), 0)).toBe(0);
    expect(slopeAt((x) => x.relu(), 1e-9)).toBe(1);
  });
});

describe("backward", () => {
  test("fills the neuron's gradients as in micrograd: ∂o/∂x1 = −1.5, ∂o/∂w1 = 1", () => {
    const { o, x1, x2, w1, w2, b } = neuron();
    expect(o.data).toBeCloseTo(Math.SQRT1_2, 12);
    o.backward();
    expect(o.grad).toBe(1);
    const grads = [x1, x2, w1, w2, b].map((leaf) => leaf.grad);
    [-1.5, 0.5, 1, 0, 0.5].forEach((expected, i) => expect(grads[i]).toBeCloseTo(expected, 12));
  });

  test("x·x gives 2x: a node used twice collects the gradient from both uses", () => {
    const x = value(3);
    x.mul(x).backward();
    expect(x.grad).toBe(6);
  });

  test("a + a gives 2", () => {
    const a = value(-1.25);
    a.add(a).backward();
    expect(a.grad).toBe(2);
  });

  test("a diamond sums over both paths: (2x)·(3x) = 6x² gives 12x", () => {
    const x = value(0.5);
    x.mul(2).mul(x.mul(3)).backward();
    expect(x.grad).toBe(6);
  });

  test("calling backward twice without zeroGrad doubles every gradient, as in PyTorch", () => {
    const { o } = neuron();
    o.backward();
    const once = topologicalOrder(o).map((node) => node.grad);
    o.backward();
    expect(topologicalOrder(o).map((node) => node.grad)).toEqual(once.map((grad) => 2 * grad));
  });

  test("a second backward doubles even through inner nodes (micrograd's version would give 3× here)", () => {
    const x = value(1);
    const y = x.mul(2).mul(3); // ∂y/∂x = 6
    y.backward();
    y.backward();
    expect(x.grad).toBe(12);
  });

  test("zeroGrad before backward gives the same gradients every time", () => {
    const { o } = neuron();
    o.backward();
    const once = topologicalOrder(o).map((node) => node.grad);
    zeroGrad(o);
    o.backward();
    expect(topologicalOrder(o).map((node) => node.grad)).toEqual(once);
  });

  test("two outputs that share a leaf add their gradients into it", () => {
    const x = value(2);
    x.mul(3).backward(); // ∂/∂x = 3
    x.pow(2).backward(); // ∂/∂x = 2x = 4
    expect(x.grad).toBe(7);
  });

  test("a chain of 100,000 operations backpropagates without overflowing the stack", () => {
    const x = value(1, "x");
    let y = x;
    for (let step = 0; step < 100_000; step++) y = y.mul(1 + 1e-5);
    y.backward();
    const expected = (1 + 1e-5) ** 100_000; // ≈ e: every link multiplies the gradient by 1 + 1e-5
    expect(Math.abs(x.grad - expected) / expected).toBeLessThan(1e-9);
  });
});

describe("errors", () => {
  test("log of a non-positive number names the value it received", () => {
    expect(() => value(-2, "x").log()).toThrow(/log: received -2 \(Value "x"\); expected a positive number/);
    expect(() => value(0).log()).toThrow(/log: received 0; expected a positive number/);
  });

  test("pow rejects an exponent that is not a finite number", () => {
    expect(() => value(2).pow(Infinity)).toThrow(/pow: the exponent must be a finite number; received Infinity/);
    expect(() => value(2).pow(NaN)).toThrow(/pow: .*received NaN/);
    expect(() => value(2).pow("2" as unknown as number)).toThrow(/pow: .*received "2" \(a string\)/);
  });

  test("pow rejects a Value exponent and says how to write one", () => {
    expect(() => value(2).pow(value(3) as unknown as number)).toThrow(/pow: the exponent must be a plain number, not a Value; .*exp\(\)/);
  });

  test("pow of a negative base needs an integer exponent", () => {
    expect(() => value(-8, "x").pow(1 / 3)).toThrow(/pow: \(-8 \(Value "x"\)\)\^0\.333.* negative base needs an integer exponent/);
    expect(value(-2).pow(3).data).toBe(-8);
  });

  test("an operand that is neither a Value nor a number is named in the error", () => {
    const x = value(1);
    expect(() => x.add("2" as unknown as number)).toThrow(/add: the other operand must be a Value or a number; received "2" \(a string\)/);
    expect(() => x.mul(undefined as unknown as number)).toThrow(/mul: .*received undefined/);
    expect(() => x.sub([1] as unknown as number)).toThrow(/sub: .*received an array/);
    expect(() => x.div({} as unknown as number)).toThrow(/div: .*received an object/);
  });

  test("a Value must hold a number", () => {
    expect(() => new Value("3" as unknown as number)).toThrow(/Value: data must be a number; received "3" \(a string\)/);
  });
});
