import { Tensor, formatShape } from "@gradschool/tensor";
import type { Sequential } from "@gradschool/backprop";

/**
 * The model's output for every row of x, in inference mode (dropout off, batch norm on its
 * running statistics), `batchSize` rows at a time so a large x never needs one huge forward.
 * Inference treats every row on its own, so the answer does not depend on batchSize.
 */
export function predictRows(caller: string, model: Sequential, x: Tensor, batchSize = 256): Tensor {
  if (!(x instanceof Tensor) || x.rank < 2 || x.shape[0] === 0) {
    throw new Error(`${caller}: x is ${x instanceof Tensor ? formatShape(x.shape) : typeof x}; expected a batch [rows, …] with at least one row`);
  }
  const rows = x.shape[0];
  const rowSize = x.size / rows;
  let out: Float64Array | undefined;
  let outShape: number[] = [];
  for (let start = 0; start < rows; start += batchSize) {
    const end = Math.min(rows, start + batchSize);
    const batch = new Tensor(x.data.subarray(start * rowSize, end * rowSize), [end - start, ...x.shape.slice(1)]);
    const batchOut = forwardInference(caller, model, batch, x.shape);
    if (out === undefined) {
      outShape = [rows, ...batchOut.shape.slice(1)];
      out = new Float64Array((rows * batchOut.size) / (end - start));
    }
    out.set(batchOut.data, (start * batchOut.size) / (end - start));
  }
  return new Tensor(out!, outShape);
}

/** One forward in inference mode; if the model rejects x, the error says who asked and with what shape. */
export function forwardInference(caller: string, model: Sequential, x: Tensor, shownShape: readonly number[] = x.shape): Tensor {
  try {
    return model.forward(x, { training: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${caller}: the model cannot take x of shape ${formatShape(shownShape)} — ${reason}`, { cause: error });
  }
}
