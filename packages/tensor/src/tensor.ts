import { formatTensor } from "./format.ts";

/** A nested array of numbers, as a learner would type a matrix: [[1, 2], [3, 4]]. */
export type NestedArray = number | readonly NestedArray[];

/**
 * An n-dimensional array of float64 numbers, stored row-major in one flat buffer.
 *
 * Element [i, j] of a [rows, cols] tensor lives at data[i * cols + j]; in general the
 * last index moves fastest. Float64 everywhere: gradient checks need the precision,
 * and JavaScript arithmetic is double anyway.
 */
export class Tensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;

  constructor(data: Float64Array, shape: readonly number[]) {
    checkShape("Tensor", shape);
    const size = sizeOf(shape);
    if (data.length !== size) {
      throw new Error(
        `Tensor: data has ${data.length} elements but shape ${formatShape(shape)} needs ${size}`,
      );
    }
    this.data = data;
    this.shape = Object.freeze([...shape]);
  }

  /** The number of elements: the product of the shape. */
  get size(): number {
    return this.data.length;
  }

  /** The number of dimensions (0 for a scalar). */
  get rank(): number {
    return this.shape.length;
  }

  /** The element at the given indices, e.g. t.get(1, 2) for row 1, column 2. */
  get(...indices: number[]): number {
    return this.data[flatIndex("get", this.shape, indices)];
  }

  /** Sets the element at the given indices (the value comes first, then the indices). */
  set(value: number, ...indices: number[]): void {
    this.data[flatIndex("set", this.shape, indices)] = value;
  }

  /** The single value of a one-element tensor, e.g. a loss. */
  item(): number {
    if (this.size !== 1) {
      throw new Error(`item: tensor has shape ${formatShape(this.shape)}; expected exactly one element`);
    }
    return this.data[0];
  }

  /** A nested array with the tensor's shape (for printing or JSON). */
  toArray(): NestedArray {
    return toNested(this.data, this.shape, 0, 0);
  }

  /** A numpy-like picture of the tensor, e.g. "tensor([[1, 2], [3, 4]])". */
  toString(): string {
    return formatTensor(this);
  }
}

/** Builds a tensor from nested arrays (shape inferred) or from a flat buffer and a shape. */
export function tensor(values: NestedArray | Float64Array | readonly number[], shape?: readonly number[]): Tensor {
  if (values instanceof Float64Array) {
    return new Tensor(values, shape ?? [values.length]);
  }
  const inferred = inferShape(values);
  const flat = new Float64Array(sizeOf(inferred));
  flatten(values, inferred, 0, flat, 0);
  if (shape === undefined) return new Tensor(flat, inferred);
  if (sizeOf(shape) !== flat.length) {
    throw new Error(
      `tensor: ${flat.length} values cannot fill shape ${formatShape(shape)} (${sizeOf(shape)} elements)`,
    );
  }
  return new Tensor(flat, shape);
}

/** A tensor of zeros. */
export function zeros(shape: readonly number[]): Tensor {
  checkShape("zeros", shape);
  return new Tensor(new Float64Array(sizeOf(shape)), shape);
}

/** A tensor of ones. */
export function ones(shape: readonly number[]): Tensor {
  checkShape("ones", shape);
  return new Tensor(new Float64Array(sizeOf(shape)).fill(1), shape);
}

/** A tensor with every element equal to `value`. */
export function full(shape: readonly number[], value: number): Tensor {
  checkShape("full", shape);
  return new Tensor(new Float64Array(sizeOf(shape)).fill(value), shape);
}

/** [start, start + step, …) up to but not including `stop`, like numpy's arange. */
export function arange(start: number, stop?: number, step = 1): Tensor {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0 || !Number.isFinite(step)) {
    throw new Error(`arange: step must be a finite non-zero number; received ${step}`);
  }
  const count = Math.max(0, Math.ceil((stop - start) / step));
  const data = new Float64Array(count);
  for (let i = 0; i < count; i++) data[i] = start + i * step;
  return new Tensor(data, [count]);
}

/** The n×n identity matrix: ones on the diagonal, zeros elsewhere. */
export function eye(n: number): Tensor {
  checkShape("eye", [n]);
  const out = zeros([n, n]);
  for (let i = 0; i < n; i++) out.data[i * n + i] = 1;
  return out;
}

/** A new tensor with the same data and shape (the buffer is copied). */
export function clone(t: Tensor): Tensor {
  return new Tensor(t.data.slice(), t.shape);
}

// ---------------------------------------------------------------------------------------
// Shape helpers, shared by every operation.

/** The number of elements a shape holds: the product of its dimensions (1 for []). */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const dim of shape) size *= dim;
  return size;
}

/** "[32, 784]" — how every error message prints a shape. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

/** True when two shapes are equal dimension by dimension. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((dim, i) => dim === b[i]);
}

/** Throws unless every dimension is a non-negative integer. */
export function checkShape(op: string, shape: readonly number[]): void {
  for (const dim of shape) {
    if (!Number.isInteger(dim) || dim < 0) {
      throw new Error(`${op}: shape ${formatShape(shape)} is invalid; every dimension must be a non-negative integer`);
    }
  }
}

/** Turns a possibly negative axis (−1 = last) into an index, or throws naming the op. */
export function normalizeAxis(op: string, axis: number, rank: number): number {
  const normalized = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(axis) || normalized < 0 || normalized >= rank) {
    throw new Error(`${op}: axis ${axis} is out of range for a tensor of rank ${rank}; expected −${rank} … ${rank - 1}`);
  }
  return normalized;
}

function flatIndex(op: string, shape: readonly number[], indices: readonly number[]): number {
  if (indices.length !== shape.length) {
    throw new Error(`${op}: received ${indices.length} indices for shape ${formatShape(shape)}; expected ${shape.length}`);
  }
  let offset = 0;
  for (let d = 0; d < shape.length; d++) {
    const index = indices[d];
    if (!Number.isInteger(index) || index < 0 || index >= shape[d]) {
      throw new Error(`${op}: index [${indices.join(", ")}] is out of bounds for shape ${formatShape(shape)}`);
    }
    offset = offset * shape[d] + index;
  }
  return offset;
}

function inferShape(values: NestedArray | readonly number[]): number[] {
  const shape: number[] = [];
  let level: NestedArray = values;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0] as NestedArray;
  }
  return shape;
}

function flatten(values: NestedArray, shape: readonly number[], depth: number, out: Float64Array, offset: number): number {
  if (depth === shape.length) {
    if (typeof values !== "number") {
      throw new Error(`tensor: nested arrays are ragged; expected a number at depth ${depth}`);
    }
    out[offset] = values;
    return offset + 1;
  }
  if (!Array.isArray(values) || values.length !== shape[depth]) {
    throw new Error(
      `tensor: nested arrays are ragged; expected ${shape[depth]} entries at depth ${depth} (shape ${formatShape(shape)})`,
    );
  }
  for (const child of values as readonly NestedArray[]) offset = flatten(child, shape, depth + 1, out, offset);
  return offset;
}

function toNested(data: Float64Array, shape: readonly number[], depth: number, offset: number): NestedArray {
  if (depth === shape.length) return data[offset];
  const stride = sizeOf(shape.slice(depth + 1));
  const result: NestedArray[] = [];
  for (let i = 0; i < shape[depth]; i++) result.push(toNested(data, shape, depth + 1, offset + i * stride));
  return result;
}
