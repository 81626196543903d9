/**
 * The fast matrix-multiply kernel. It exists for speed; the plain version that says the
 * same thing in four lines is matmulNaive in matmul-reference.ts, and tests check that
 * the two agree.
 *
 *   C (m×n)  =  op(A) (m×k) · op(B) (k×n)      (+ C, when accumulating)
 *
 * where op(A) is A or Aᵀ, and op(B) is B or Bᵀ. Two ideas make it fast:
 *
 * 1. Register blocking. C is computed in 4×4 tiles. For one tile, the 16 running sums
 *    live in local variables (CPU registers) while k runs; each step loads 4 numbers of
 *    A and 4 of B and does 16 multiply-adds. A plain loop does 1 multiply-add per 2 loads.
 *
 * 2. Packing. Before multiplying, A is copied into panels of 4 rows and B into panels
 *    of 4 columns, each laid out so that the k loop reads memory strictly in order.
 *    Packing also absorbs the transposes: reading Aᵀ is just packing A in another order,
 *    so backward passes never build a transposed matrix. Panels at the edge are padded
 *    with zeros, so the tile loop never needs a special case; only the store checks bounds.
 *
 * The packing buffers are kept between calls and grow when needed: no allocation per call
 * once warmed up, and none at all inside the loops.
 */

const TILE = 4;
let packedA = new Float64Array(0);
let packedB = new Float64Array(0);
const edgeTile = new Float64Array(TILE * TILE);

export interface GemmOptions {
  /** Use Aᵀ: `a` is stored as k×m. */
  transA?: boolean;
  /** Use Bᵀ: `b` is stored as n×k. */
  transB?: boolean;
  /** Add the product to what C already holds instead of overwriting it. */
  accumulate?: boolean;
}

export function gemm(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  { transA = false, transB = false, accumulate = false }: GemmOptions = {},
): void {
  const rowPanels = Math.ceil(m / TILE);
  const colPanels = Math.ceil(n / TILE);
  if (packedA.length < rowPanels * TILE * k) packedA = new Float64Array(rowPanels * TILE * k);
  if (packedB.length < colPanels * TILE * k) packedB = new Float64Array(colPanels * TILE * k);
  const pa = packedA;
  const pb = packedB;

  // Pack op(A): panel p holds rows 4p … 4p+3 as k groups of 4 numbers, so the multiply
  // loop reads it strictly in order. Each case walks its source in memory order.
  for (let panel = 0; panel < rowPanels; panel++) {
    const base = panel * TILE * k;
    const rowsHere = Math.min(TILE, m - panel * TILE);
    if (rowsHere < TILE) pa.fill(0, base, base + TILE * k); // pad the edge panel with zeros
    if (transA) {
      // a is k×m: row p of a holds column p of op(A).
      for (let p = 0; p < k; p++) {
        const source = p * m + panel * TILE;
        for (let r = 0; r < rowsHere; r++) pa[base + p * TILE + r] = a[source + r];
      }
    } else {
      for (let r = 0; r < rowsHere; r++) {
        const source = (panel * TILE + r) * k;
        for (let p = 0; p < k; p++) pa[base + p * TILE + r] = a[source + p];
      }
    }
  }

  // Pack op(B): panel q holds columns 4q … 4q+3 as k groups of 4 numbers.
  for (let panel = 0; panel < colPanels; panel++) {
    const base = panel * TILE * k;
    const colsHere = Math.min(TILE, n - panel * TILE);
    if (colsHere < TILE) pb.fill(0, base, base + TILE * k);
    if (transB) {
      // b is n×k: row j of b holds column j of op(B).
      for (let col = 0; col < colsHere; col++) {
        const source = (panel * TILE + col) * k;
        for (let p = 0; p < k; p++) pb[base + p * TILE + col] = b[source + p];
      }
    } else {
      for (let p = 0; p < k; p++) {
        const source = p * n + panel * TILE;
        for (let col = 0; col < colsHere; col++) pb[base + p * TILE + col] = b[source + col];
      }
    }
  }

  // Multiply: one 4×4 tile of C per (row panel, column panel) pair.
  for (let colPanel = 0; colPanel < colPanels; colPanel++) {
    const bBase = colPanel * TILE * k;
    const j0 = colPanel * TILE;
    for (let rowPanel = 0; rowPanel < rowPanels; rowPanel++) {
      const aBase = rowPanel * TILE * k;
      const i0 = rowPanel * TILE;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < k; p++) {
        const ai = aBase + p * TILE;
        const bi = bBase + p * TILE;
        const a0 = pa[ai], a1 = pa[ai + 1], a2 = pa[ai + 2], a3 = pa[ai + 3];
        const b0 = pb[bi], b1 = pb[bi + 1], b2 = pb[bi + 2], b3 = pb[bi + 3];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
      }
      if (i0 + TILE <= m && j0 + TILE <= n) {
        // A full tile: store the 16 sums straight into C.
        const r0 = i0 * n + j0, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
        if (accumulate) {
          c[r0] += c00; c[r0 + 1] += c01; c[r0 + 2] += c02; c[r0 + 3] += c03;
          c[r1] += c10; c[r1 + 1] += c11; c[r1 + 2] += c12; c[r1 + 3] += c13;
          c[r2] += c20; c[r2 + 1] += c21; c[r2 + 2] += c22; c[r2 + 3] += c23;
          c[r3] += c30; c[r3 + 1] += c31; c[r3 + 2] += c32; c[r3 + 3] += c33;
        } else {
          c[r0] = c00; c[r0 + 1] = c01; c[r0 + 2] = c02; c[r0 + 3] = c03;
          c[r1] = c10; c[r1 + 1] = c11; c[r1 + 2] = c12; c[r1 + 3] = c13;
          c[r2] = c20; c[r2 + 1] = c21; c[r2 + 2] = c22; c[r2 + 3] = c23;
          c[r3] = c30; c[r3 + 1] = c31; c[r3 + 2] = c32; c[r3 + 3] = c33;
        }
      } else {
        // An edge tile: store only the entries that fall inside C.
        const tile = edgeTile;
        tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03;
        tile[4] = c10; tile[5] = c11; tile[6] = c12; tile[7] = c13;
        tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23;
        tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
        for (let r = 0; r < TILE && i0 + r < m; r++) {
          for (let col = 0; col < TILE && j0 + col < n; col++) {
            const index = (i0 + r) * n + j0 + col;
            c[index] = (accumulate ? c[index] : 0) + tile[r * TILE + col];
          }
        }
      }
    }
  }
}
