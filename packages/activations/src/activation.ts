import { Tensor, formatShape, sameShape } from "@gradschool/tensor";

/**
 * An activation function: an elementwise (or, for softmax, row-wise) non-linearity.
 *
 * forward(x) is f(x). backward(x, gradOut) is the vector-Jacobian product: given the
 * input x and gradOut = ∂L/∂f(x), it returns ∂L/∂x = gradOut · J_f(x). For an
 * elementwise f the Jacobian is diagonal, so this is just gradOut ⊙ f'(x); for softmax
 * the Jacobian is a full matrix per row, and the same signature still fits.
 *
 * backward takes the input rather than the output so that every activation can be
 * written the same way, f and f' side by side; it recomputes what it needs.
 */
export interface Activation {
  readonly name: string;
  forward(x: Tensor): Tensor;
  backward(x: Tensor, gradOut: Tensor): Tensor;
}

/** Throws unless x is a Tensor, naming the caller, e.g. "relu.forward: received …". */
export function checkTensor(caller: string, argument: string, x: unknown): asserts x is Tensor {
  if (!(x instanceof Tensor)) {
    throw new Error(`${caller}: ${argument} must be a Tensor; received ${describe(x)}`);
  }
}

/** Throws unless gradOut is a Tensor with exactly the shape of x (∂L/∂out has out's shape). */
export function checkBackwardArgs(name: string, x: unknown, gradOut: unknown): asserts gradOut is Tensor {
  checkTensor(`${name}.backward`, "x", x);
  checkTensor(`${name}.backward`, "gradOut", gradOut);
  if (!sameShape(x.shape, gradOut.shape)) {
    throw new Error(
      `${name}.backward: gradOut is ${formatShape(gradOut.shape)} but x is ${formatShape(x.shape)}; ` +
        `expected gradOut to have the shape of x (it is ∂L/∂output, and the output has x's shape)`,
    );
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of length ${value.length} (wrap it with tensor(...))`;
  if (typeof value === "object") return `an object (${value.constructor?.name ?? "no constructor"})`;
  return `${typeof value} ${String(value)}`;
}
