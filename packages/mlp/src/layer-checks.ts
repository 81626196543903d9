import { Tensor, formatShape, sameShape } from "@gradschool/tensor";

/** Throws unless value is a Tensor, naming the caller: "BatchNorm.forward: x must be a Tensor; received …". */
export function checkTensor(caller: string, argument: string, value: unknown): asserts value is Tensor {
  if (!(value instanceof Tensor)) {
    const received = Array.isArray(value) ? "an array (wrap it with tensor(...))" : value === null ? "null" : typeof value;
    throw new Error(`${caller}: ${argument} must be a Tensor; received ${received}`);
  }
}

/** Throws unless features is a positive integer: "BatchNorm: features must be a positive integer; received 0". */
export function checkFeatures(caller: string, features: number): void {
  if (!Number.isInteger(features) || features < 1) {
    throw new Error(`${caller}: features must be a positive integer; received ${features}`);
  }
}

/** Throws unless gradOut has the shape of the last output, naming the layer. */
export function checkGradOut(caller: string, layerName: string, gradOut: unknown, outputShape: readonly number[]): asserts gradOut is Tensor {
  checkTensor(caller, "gradOut", gradOut);
  if (!sameShape(gradOut.shape, outputShape)) {
    throw new Error(
      `${caller}: gradOut is ${formatShape(gradOut.shape)}; expected ${formatShape(outputShape)}, ` +
        `the shape of the last output (layer "${layerName}")`,
    );
  }
}
