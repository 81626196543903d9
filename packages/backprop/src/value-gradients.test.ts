import { describe, expect, test } from "vitest";
import { tensor } from "@gradschool/tensor";
import { numericalGradient, relativeError } from "@gradschool/gradcheck";
import { Value, value } from "./value.ts";

type Expression = (leaves: Value[]) => Value;

/**
 * For each leaf: the gradient backward() computes and the one central differences measure.
 * The expression is multiplied by −1.7 so its output's grad is not 1: an op whose
 * backward forgot to multiply by out.grad would pass a check made at grad 1.
 */
function compareGradients(expression: Expression, inputs: number[]) {
  const loss = (leaves: Value[]): Value => expression(leaves).mul(-1.7);
  const leaves = inputs.map((x, i) => value(x, `x${i}`));
  loss(leaves).backward();
  // numericalGradient nudges one element of the tensor at a time; we rebuild the graph from it.
  const numeric = numericalGradient((t) => loss([...t.data].map((x) => value(x))).data, tensor(inputs));
  return leaves.map((leaf, i) => ({
    leaf: leaf.label,
    analytic: leaf.grad,
    numeric: numeric.data[i],
    error: relativeError(leaf.grad, numeric.data[i]),
  }));
}

function expectGradientsMatch(expression: Expression, inputs: number[]): void {
  for (const { leaf, analytic, numeric, error } of compareGradients(expression, inputs)) {
    expect(error, `∂/∂${leaf}: backward gave ${analytic}, central differences ${numeric}`).toBeLessThan(1e-6);
  }
}

describe("every operation's backward matches central differences", () => {
  const cases: [string, Expression, number[]][] = [
    ["a + b", ([a, b]) => a.add(b), [1.5, -0.7]],
    ["a + 2 (a number operand)", ([a]) => a.add(2), [0.3]],
    ["a − b", ([a, b]) => a.sub(b), [1.5, -0.7]],
    ["a · b", ([a, b]) => a.mul(b), [1.5, -0.7]],
    ["a / b", ([a, b]) => a.div(b), [1.5, -0.7]],
    ["a / 4 (a number operand)", ([a]) => a.div(4), [1.5]],
    ["a²", ([a]) => a.pow(2), [1.3]],
    ["a³ for a < 0", ([a]) => a.pow(3), [-1.3]],
    ["a⁻¹", ([a]) => a.pow(-1), [1.3]],
    ["√a", ([a]) => a.pow(0.5), [1.3]],
    ["a^−2.5", ([a]) => a.pow(-2.5), [0.8]],
    ["−a", ([a]) => a.neg(), [0.4]],
    ["eᵃ", ([a]) => a.exp(), [0.4]],
    ["ln a", ([a]) => a.log(), [0.4]],
    ["tanh a", ([a]) => a.tanh(), [0.4]],
    ["σ(a)", ([a]) => a.sigmoid(), [-0.9]],
    ["relu(a) for a > 0", ([a]) => a.relu(), [0.6]],
    ["relu(a) for a < 0", ([a]) => a.relu().add(a.mul(0.1)), [-0.6]], // relu' = 0 there, so add a slope to check
  ];
  test.each(cases)("%s", (_name, expression, inputs) => expectGradientsMatch(expression, inputs));
});

describe("composite expressions: every leaf matches central differences", () => {
  test("a neuron o = tanh(x1·w1 + x2·w2 + b)", () => {
    expectGradientsMatch(([x1, x2, w1, w2, b]) => x1.mul(w1).add(x2.mul(w2)).add(b).tanh(), [2, -0.5, -0.3, 0.8, 0.1]);
  });

  test("one expression using every operation, with leaves used more than once", () => {
    expectGradientsMatch(
      ([a, b, c]) => a.mul(b).add(c.exp()).div(b.pow(2)).sub(a.log()).tanh().add(c.sigmoid().mul(a)).relu().neg(),
      [1.2, -0.8, 0.3],
    );
  });

  test("micrograd's example gives g = 24.7041, ∂g/∂a = 138.8338, ∂g/∂b = 645.5773, as PyTorch does", () => {
    const example: Expression = ([a, b]) => {
      let c = a.add(b);
      let d = a.mul(b).add(b.pow(3));
      c = c.add(c.add(1));
      c = c.add(value(1).add(c).add(a.neg()));
      d = d.add(d.mul(2).add(b.add(a).relu()));
      d = d.add(value(3).mul(d).add(b.sub(a).relu()));
      const e = c.sub(d);
      const f = e.pow(2);
      let g = f.div(2);
      g = g.add(value(10).div(f));
      return g;
    };
    const a = value(-4), b = value(2);
    const g = example([a, b]);
    g.backward();
    expect(g.data).toBeCloseTo(24.7041, 4);
    expect(a.grad).toBeCloseTo(138.8338, 4);
    expect(b.grad).toBeCloseTo(645.5773, 4);
    expectGradientsMatch(example, [-4, 2]);
  });
});

describe("the check can fail", () => {
  /** An op defined outside the class, the way Value's own are: forward, then localBackward. */
  function sin(x: Value): Value {
    const out = new Value(Math.sin(x.data), "", "sin", [x]);
    out.localBackward = () => {
      x.grad += Math.cos(x.data) * out.grad; // ∂sin(x)/∂x = cos(x)
    };
    return out;
  }

  function tanhWithWrongDerivative(x: Value): Value {
    const out = new Value(Math.tanh(x.data), "", "tanh", [x]);
    out.localBackward = () => {
      x.grad += (1 - out.data) * out.grad; // wrong: should be 1 − tanh(x)²
    };
    return out;
  }

  function sinThatForgetsOutGrad(x: Value): Value {
    const out = new Value(Math.sin(x.data), "", "sin", [x]);
    out.localBackward = () => {
      x.grad += Math.cos(x.data); // wrong: the chain rule needs × out.grad
    };
    return out;
  }

  test("a correct op of your own (sin) passes", () => {
    expectGradientsMatch(([x, y]) => sin(x.mul(y)), [0.7, 1.1]);
  });

  test("a tanh whose local derivative is 1 − tanh(x) instead of 1 − tanh(x)² is caught", () => {
    const [{ error }] = compareGradients(([x]) => tanhWithWrongDerivative(x), [0.5]);
    expect(error).toBeGreaterThan(0.1);
  });

  test("an op that forgets to multiply by out.grad is caught", () => {
    const [{ error }] = compareGradients(([x]) => sinThatForgetsOutGrad(x), [0.5]);
    expect(error).toBeGreaterThan(0.1);
  });
});
