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
  options: GemmOptions = {},
): void {
  const rowPanels = Math.ceil(m / TILE);
  const colPanels = Math.ceil(n / TILE);
  if (packedA.length < rowPanels * TILE * k) packedA = new Float64Array(rowPanels * TILE * k);
  if (packedB.length < colPanels * TILE * k) packedB = new Float64Array(colPanels * TILE * k);
  packA(m, k, a, options.transA === true, packedA);
  packB(n, k, b, options.transB === true, packedB);
  multiplyPanels(m, n, k, packedA, packedB, c, options.accumulate === true);
}

/**
 * Packs op(A) (m×k) into panels of 4 rows: panel p holds rows 4p … 4p+3 as k groups of
 * 4 numbers, so the multiply loop reads it strictly in order. A full panel copies its
 * 4 numbers per k in one go; an edge panel (fewer than 4 rows left) is padded with zeros.
 */
function packA(m: number, k: number, a: Float64Array, transA: boolean, packed: Float64Array): void {
  for (let panel = 0; panel * TILE < m; panel++) {
    const first = panel * TILE; // the panel's first row of op(A)
    const rowsHere = Math.min(TILE, m - first);
    // op(A)[row, p] sits at a[row·k + p], or at a[p·m + row] when a holds Aᵀ (k×m).
    const rowStride = transA ? 1 : k;
    const kStride = transA ? m : 1;
    packPanel(k, a, first * rowStride, rowStride, kStride, rowsHere, packed, panel * TILE * k);
  }
}

/** Packs op(B) (k×n) into panels of 4 columns: panel q holds columns 4q … 4q+3 as k groups of 4. */
function packB(n: number, k: number, b: Float64Array, transB: boolean, packed: Float64Array): void {
  for (let panel = 0; panel * TILE < n; panel++) {
    const first = panel * TILE; // the panel's first column of op(B)
    const colsHere = Math.min(TILE, n - first);
    // op(B)[p, col] sits at b[p·n + col], or at b[col·k + p] when b holds Bᵀ (n×k).
    const colStride = transB ? k : 1;
    const kStride = transB ? 1 : n;
    packPanel(k, b, first * colStride, colStride, kStride, colsHere, packed, panel * TILE * k);
  }
}

/**
 * Copies one panel: for each p < k, the 4 numbers source[start + line·lineStride + p·kStride]
 * (line = 0 … 3) go to packed[base + 4p + line]. Lines past `linesHere` are zeros.
 */
function packPanel(
  k: number,
  source: Float64Array,
  start: number,
  lineStride: number,
  kStride: number,
  linesHere: number,
  packed: Float64Array,
  base: number,
): void {
  if (linesHere === TILE) {
    const s1 = lineStride, s2 = 2 * lineStride, s3 = 3 * lineStride;
    for (let p = 0, from = start, to = base; p < k; p++, from += kStride, to += TILE) {
      packed[to] = source[from];
      packed[to + 1] = source[from + s1];
      packed[to + 2] = source[from + s2];
      packed[to + 3] = source[from + s3];
    }
    return;
  }
  packed.fill(0, base, base + TILE * k);
  for (let line = 0; line < linesHere; line++) {
    for (let p = 0; p < k; p++) packed[base + p * TILE + line] = source[start + line * lineStride + p * kStride];
  }
}

/** C = packed A · packed B (or C += …), one 4×4 tile of C per pair of panels. */
function multiplyPanels(
  m: number,
  n: number,
  k: number,
  pa: Float64Array,
  pb: Float64Array,
  c: Float64Array,
  accumulate: boolean,
): void {
  for (let j0 = 0; j0 < n; j0 += TILE) {
    const bStart = j0 * k; // column panel j0/4 starts at (j0/4)·4k
    for (let i0 = 0; i0 < m; i0 += TILE) {
      let ai = i0 * k; // row panel i0/4 starts at (i0/4)·4k
      let bi = bStart;
      const aEnd = ai + TILE * k;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      // The hot loop: 4 numbers of A and 4 of B give 16 multiply-adds. Each b is loaded
      // once and used four times, which keeps the live values few enough for registers.
      for (; ai < aEnd; ai += TILE, bi += TILE) {
        const a0 = pa[ai], a1 = pa[ai + 1], a2 = pa[ai + 2], a3 = pa[ai + 3];
        let bk = pb[bi];
        c00 += a0 * bk; c10 += a1 * bk; c20 += a2 * bk; c30 += a3 * bk;
        bk = pb[bi + 1];
        c01 += a0 * bk; c11 += a1 * bk; c21 += a2 * bk; c31 += a3 * bk;
        bk = pb[bi + 2];
        c02 += a0 * bk; c12 += a1 * bk; c22 += a2 * bk; c32 += a3 * bk;
        bk = pb[bi + 3];
        c03 += a0 * bk; c13 += a1 * bk; c23 += a2 * bk; c33 += a3 * bk;
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
