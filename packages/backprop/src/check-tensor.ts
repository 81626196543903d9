import { Tensor } from "@gradschool/tensor";

/** Throws unless value is a Tensor, naming the caller: "Dense.forward: x must be a Tensor; received …". */
export function checkTensor(caller: string, argument: string, value: unknown): asserts value is Tensor {
  if (!(value instanceof Tensor)) {
    const received = Array.isArray(value) ? "an array (wrap it with tensor(...))" : value === null ? "null" : typeof value;
    throw new Error(`${caller}: ${argument} must be a Tensor; received ${received}`);
  }
}
