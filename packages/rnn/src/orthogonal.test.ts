import { describe, expect, test } from "vitest";
import { type Tensor, matmulTransA, matmulTransB, rng } from "@gradschool/tensor";
import { orthogonal } from "./orthogonal.ts";

/** The largest |M[i][j] − I[i][j]|. */
function distanceFromIdentity(m: Tensor): number {
  const n = m.shape[0];
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) worst = Math.max(worst, Math.abs(m.data[i * n + j] - (i === j ? 1 : 0)));
  }
  return worst;
}

describe("orthogonal", () => {
  test("a square matrix has WᵀW = I and WWᵀ = I", () => {
    const w = orthogonal([64, 64], 64, 64, rng(1));
    expect(distanceFromIdentity(matmulTransA(w, w))).toBeLessThan(1e-13);
    expect(distanceFromIdentity(matmulTransB(w, w))).toBeLessThan(1e-13);
  });

  test("a wide matrix (an LSTM's recurrent kernel [16, 64]) has orthonormal rows: WWᵀ = I", () => {
    const w = orthogonal([16, 64], 16, 64, rng(2));
    expect(w.shape).toEqual([16, 64]);
    expect(distanceFromIdentity(matmulTransB(w, w))).toBeLessThan(1e-13);
  });

  test("a tall matrix has orthonormal columns: WᵀW = I", () => {
    const w = orthogonal([50, 7], 50, 7, rng(3));
    expect(distanceFromIdentity(matmulTransA(w, w))).toBeLessThan(1e-13);
  });

  test("keeps the length of every vector it multiplies (square case), so a product of many steps neither shrinks nor grows", () => {
    const w = orthogonal([8, 8], 8, 8, rng(4));
    const v = Array.from({ length: 8 }, (_, i) => Math.sin(i + 1));
    let current = v;
    for (let step = 0; step < 100; step++) {
      current = Array.from({ length: 8 }, (_, j) => current.reduce((total, value, i) => total + value * w.data[i * 8 + j], 0));
    }
    expect(Math.hypot(...current)).toBeCloseTo(Math.hypot(...v), 10);
  });

  test("is seeded: the same rng seed gives the same matrix, another seed another one", () => {
    const first = orthogonal([5, 5], 5, 5, rng(7));
    expect(orthogonal([5, 5], 5, 5, rng(7)).data).toEqual(first.data);
    expect(orthogonal([5, 5], 5, 5, rng(8)).data).not.toEqual(first.data);
  });

  test("rejects a shape that is not a matrix", () => {
    expect(() => orthogonal([64], 64, 64, rng(1))).toThrow(/orthogonal: shape \[64\] is not a matrix; expected at least 2 positive dimensions/);
  });
});
