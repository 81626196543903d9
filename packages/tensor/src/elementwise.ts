import { Tensor, formatShape, sameShape, sizeOf } from "./tensor.ts";

/**
 * Elementwise arithmetic with numpy's broadcasting rule.
 *
 * Shapes are lined up from the right; two dimensions fit when they are equal or one of
 * them is 1, and a 1 is stretched to match. So a [batch, features] matrix plus a
 * [features] row vector adds the vector to every row, and a [batch, 1] column subtracts
 * one number per row. A plain number acts as a scalar.
 */
export type Operand = Tensor | number;

/** a + b, elementwise, with broadcasting. */
export function add(a: Operand, b: Operand): Tensor {
  return broadcastZip("add", a, b, (x, y) => x + y);
}

/** a − b, elementwise, with broadcasting. */
export function sub(a: Operand, b: Operand): Tensor {
  return broadcastZip("sub", a, b, (x, y) => x - y);
}

/** a ⊙ b (elementwise product), with broadcasting. */
export function mul(a: Operand, b: Operand): Tensor {
  return broadcastZip("mul", a, b, (x, y) => x * y);
}

/** a / b, elementwise, with broadcasting. */
export function div(a: Operand, b: Operand): Tensor {
  return broadcastZip("div", a, b, (x, y) => x / y);
}

/** factor · t */
export function scale(t: Tensor, factor: number): Tensor {
  const out = new Float64Array(t.size);
  for (let i = 0; i < out.length; i++) out[i] = t.data[i] * factor;
  return new Tensor(out, t.shape);
}

/** −t */
export function neg(t: Tensor): Tensor {
  return scale(t, -1);
}

/** fn applied to every element: map(x, Math.tanh). */
export function map(t: Tensor, fn: (value: number, index: number) => number): Tensor {
  const out = new Float64Array(t.size);
  for (let i = 0; i < out.length; i++) out[i] = fn(t.data[i], i);
  return new Tensor(out, t.shape);
}

/** fn applied to matching elements of two same-shaped tensors: zipMap(x, gradOut, (x, g) => …). */
export function zipMap(a: Tensor, b: Tensor, fn: (x: number, y: number, index: number) => number): Tensor {
  if (!sameShape(a.shape, b.shape)) {
    throw new Error(`zipMap: shapes differ — a is ${formatShape(a.shape)}, b is ${formatShape(b.shape)}; expected equal shapes`);
  }
  const out = new Float64Array(a.size);
  for (let i = 0; i < out.length; i++) out[i] = fn(a.data[i], b.data[i], i);
  return new Tensor(out, a.shape);
}

/**
 * The shape two operands broadcast to, or an error naming the op and both shapes.
 * broadcastShapes("add", [32, 10], [10]) is [32, 10]; [32, 10] with [3] throws.
 */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 1; i <= rank; i++) {
    const dimA = a.length - i >= 0 ? a[a.length - i] : 1;
    const dimB = b.length - i >= 0 ? b[b.length - i] : 1;
    if (dimA !== dimB && dimA !== 1 && dimB !== 1) {
      throw new Error(
        `${op}: shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast — ` +
          `dimension ${rank - i} is ${dimA} against ${dimB}; expected equal sizes or a 1`,
      );
    }
    out[rank - i] = dimA === 1 ? dimB : dimA;
  }
  return out;
}

function broadcastZip(op: string, a: Operand, b: Operand, fn: (x: number, y: number) => number): Tensor {
  const left = typeof a === "number" ? new Tensor(Float64Array.of(a), []) : a;
  const right = typeof b === "number" ? new Tensor(Float64Array.of(b), []) : b;
  const shape = broadcastShapes(op, left.shape, right.shape);
  const out = new Float64Array(sizeOf(shape));
  const x = left.data;
  const y = right.data;

  // The common cases get a plain loop: equal shapes, or one side a single number.
  if (x.length === out.length && y.length === out.length) {
    for (let i = 0; i < out.length; i++) out[i] = fn(x[i], y[i]);
  } else if (y.length === 1) {
    const scalar = y[0];
    for (let i = 0; i < out.length; i++) out[i] = fn(x[i], scalar);
  } else if (x.length === 1) {
    const scalar = x[0];
    for (let i = 0; i < out.length; i++) out[i] = fn(scalar, y[i]);
  } else {
    // General case: walk the output index by index; a stretched dimension has stride 0.
    const stridesX = broadcastStrides(left.shape, shape);
    const stridesY = broadcastStrides(right.shape, shape);
    const index = new Array<number>(shape.length).fill(0);
    let offsetX = 0;
    let offsetY = 0;
    for (let i = 0; i < out.length; i++) {
      out[i] = fn(x[offsetX], y[offsetY]);
      // Advance the multi-index like an odometer, moving both offsets with it.
      for (let d = shape.length - 1; d >= 0; d--) {
        index[d]++;
        offsetX += stridesX[d];
        offsetY += stridesY[d];
        if (index[d] < shape[d]) break;
        offsetX -= stridesX[d] * shape[d];
        offsetY -= stridesY[d] * shape[d];
        index[d] = 0;
      }
    }
  }
  return new Tensor(out, shape);
}

/** Strides of `shape` seen through the broadcast shape `target` (0 where stretched). */
function broadcastStrides(shape: readonly number[], target: readonly number[]): number[] {
  const strides = new Array<number>(target.length).fill(0);
  let stride = 1;
  for (let i = 1; i <= shape.length; i++) {
    const dim = shape[shape.length - i];
    strides[target.length - i] = dim === 1 ? 0 : stride;
    stride *= dim;
  }
  return strides;
}
