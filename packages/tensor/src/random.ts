import type { Rng } from "./rng.ts";
import { Tensor, checkShape, sizeOf } from "./tensor.ts";

/** A tensor of uniform samples in [low, high), drawn from a seeded rng. */
export function rand(shape: readonly number[], random: Rng, low = 0, high = 1): Tensor {
  checkShape("rand", shape);
  const data = new Float64Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = random.uniform(low, high);
  return new Tensor(data, shape);
}

/** A tensor of normal samples N(mean, std²), drawn from a seeded rng. */
export function randn(shape: readonly number[], random: Rng, std = 1, mean = 0): Tensor {
  checkShape("randn", shape);
  const data = new Float64Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = random.normal(mean, std);
  return new Tensor(data, shape);
}
