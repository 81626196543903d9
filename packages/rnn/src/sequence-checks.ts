import { Tensor, formatShape } from "@gradschool/tensor";

/** Throws unless x is a Tensor [batch, time, inputSize] with at least one sequence and one step. */
export function checkSequenceInput(caller: string, layerName: string, inputSize: number, x: unknown): asserts x is Tensor {
  if (!(x instanceof Tensor)) {
    throw new Error(`${caller}: x must be a Tensor [batch, time, ${inputSize}]; received ${Array.isArray(x) ? "an array" : typeof x}`);
  }
  checkSequenceShape(caller, layerName, inputSize, x.shape);
}

/** Throws unless shape is [batch, time, inputSize] with batch ≥ 1 and time ≥ 1. */
export function checkSequenceShape(caller: string, layerName: string, inputSize: number, shape: readonly number[]): void {
  if (shape.length !== 3 || shape[2] !== inputSize) {
    throw new Error(
      `${caller}: input is ${formatShape(shape)}; expected [batch, time, ${inputSize}] ` +
        `(layer "${layerName}" reads sequences of ${inputSize} features per step)`,
    );
  }
  if (shape[1] === 0 || shape[0] === 0) {
    const empty = shape[1] === 0 ? "0 time steps" : "0 sequences";
    throw new Error(`${caller}: input ${formatShape(shape)} has ${empty}; expected at least one sequence of at least one step`);
  }
}

/** Throws unless gradOut is a Tensor of exactly the shape of the layer's last output. */
export function checkGradOut(caller: string, layerName: string, gradOut: unknown, expected: readonly number[]): asserts gradOut is Tensor {
  if (!(gradOut instanceof Tensor) || gradOut.shape.length !== expected.length || gradOut.shape.some((dim, d) => dim !== expected[d])) {
    const received = gradOut instanceof Tensor ? formatShape(gradOut.shape) : typeof gradOut;
    throw new Error(`${caller}: gradOut is ${received}; expected ${formatShape(expected)}, the shape of the last output (layer "${layerName}")`);
  }
}
