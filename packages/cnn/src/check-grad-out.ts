import { Tensor, formatShape } from "@gradschool/tensor";

/**
 * Throws unless backward can run: forward ran (`expected`, the last output's shape, is
 * known), and gradOut is a Tensor of exactly that shape, since it is ∂L/∂output.
 */
export function checkGradOut(caller: string, layerName: string, gradOut: unknown, expected: readonly number[] | undefined): asserts gradOut is Tensor {
  if (expected === undefined) {
    throw new Error(`${caller}: layer "${layerName}" has not run forward yet; call forward(x) before backward(gradOut)`);
  }
  if (!(gradOut instanceof Tensor) || formatShape(gradOut.shape) !== formatShape(expected)) {
    const received = gradOut instanceof Tensor ? formatShape(gradOut.shape) : typeof gradOut;
    throw new Error(`${caller}: gradOut is ${received}; expected ${formatShape(expected)}, the shape of the last output (layer "${layerName}")`);
  }
}
