// Products with one to three output columns, such as the input gradient of a layer on 2-D
// points (N = 2) or the forward product of a 3-class output layer (N = 3). The general
// kernel's 2 x 4 tile would spend a quarter or more of its work on columns that do not exist,
// so these use 4 x 2 and 4 x 3 tiles instead.
//
// Shapes: C (M x N) = op(A) · op(B) with op(A) M x K, op(B) K x N and N <= 3, all row-major
// float32. A is stored M x K, or K x M when transA; B is stored K x N, or N x K when transB.
//
// Every entry is summed in float64 from p = 0 to K - 1 in order, starting at +0, and rounded
// once by the Float32Array store, as in the other kernels, so the bits are the same.

/** The largest N this path handles. */
export const NARROW_N_MAX = 3;

/** C = op(A) · op(B) for N <= NARROW_N_MAX, summed in float64 and rounded once. */
export function gemmNarrow(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
): void {
  if (n === 3) threeColumns(transA, transB, m, n, k, a, b, c);
  else twoColumns(transA, transB, m, n, k, a, b, c);
}

/** Computes C with 4 x 2 tiles, for N = 1 or 2. */
function twoColumns(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
): void {
  // Entry (i, p) of op(A) is a[i * aRow + p * aStep]; entry (p, j) of op(B) is
  // b[p * bStep + j * bCol]. With one column, column 1 re-reads column 0 and is not written.
  const aRow = transA ? 1 : k;
  const aStep = transA ? m : 1;
  const bStep = transB ? 1 : n;
  const bCol = transB ? k : 1;
  const b1 = n > 1 ? bCol : 0;

  let i = 0;
  for (; i + 3 < m; i += 4) {
    let c00 = 0;
    let c01 = 0;
    let c10 = 0;
    let c11 = 0;
    let c20 = 0;
    let c21 = 0;
    let c30 = 0;
    let c31 = 0;
    for (let p = 0, x = i * aRow, y = 0; p < k; p++, x += aStep, y += bStep) {
      const v0 = b[y];
      const v1 = b[y + b1];
      let u = a[x];
      c00 += u * v0;
      c01 += u * v1;
      u = a[x + aRow];
      c10 += u * v0;
      c11 += u * v1;
      u = a[x + 2 * aRow];
      c20 += u * v0;
      c21 += u * v1;
      u = a[x + 3 * aRow];
      c30 += u * v0;
      c31 += u * v1;
    }
    const row = i * n;
    c[row] = c00;
    c[row + n] = c10;
    c[row + 2 * n] = c20;
    c[row + 3 * n] = c30;
    if (n > 1) {
      c[row + 1] = c01;
      c[row + n + 1] = c11;
      c[row + 2 * n + 1] = c21;
      c[row + 3 * n + 1] = c31;
    }
  }

  for (; i < m; i++) {
    let c0 = 0;
    let c1 = 0;
    for (let p = 0, x = i * aRow, y = 0; p < k; p++, x += aStep, y += bStep) {
      const u = a[x];
      c0 += u * b[y];
      c1 += u * b[y + b1];
    }
    c[i * n] = c0;
    if (n > 1) c[i * n + 1] = c1;
  }
}

/** Computes C with 4 x 3 tiles, for N = 3. */
function threeColumns(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
): void {
  // Entry (i, p) of op(A) is a[i * aRow + p * aStep]; entry (p, j) of op(B) is
  // b[p * bStep + j * bCol].
  const aRow = transA ? 1 : k;
  const aStep = transA ? m : 1;
  const bStep = transB ? 1 : n;
  const bCol = transB ? k : 1;
  const b1 = Math.min(1, n - 1) * bCol;
  const b2 = Math.min(2, n - 1) * bCol;

  let i = 0;
  for (; i + 3 < m; i += 4) {
    let c00 = 0;
    let c01 = 0;
    let c02 = 0;
    let c10 = 0;
    let c11 = 0;
    let c12 = 0;
    let c20 = 0;
    let c21 = 0;
    let c22 = 0;
    let c30 = 0;
    let c31 = 0;
    let c32 = 0;
    for (let p = 0, x = i * aRow, y = 0; p < k; p++, x += aStep, y += bStep) {
      const v0 = b[y];
      const v1 = b[y + b1];
      const v2 = b[y + b2];
      let u = a[x];
      c00 += u * v0;
      c01 += u * v1;
      c02 += u * v2;
      u = a[x + aRow];
      c10 += u * v0;
      c11 += u * v1;
      c12 += u * v2;
      u = a[x + 2 * aRow];
      c20 += u * v0;
      c21 += u * v1;
      c22 += u * v2;
      u = a[x + 3 * aRow];
      c30 += u * v0;
      c31 += u * v1;
      c32 += u * v2;
    }
    const row = i * n;
    c[row] = c00;
    c[row + n] = c10;
    c[row + 2 * n] = c20;
    c[row + 3 * n] = c30;
    if (n > 1) {
      c[row + 1] = c01;
      c[row + n + 1] = c11;
      c[row + 2 * n + 1] = c21;
      c[row + 3 * n + 1] = c31;
    }
    if (n > 2) {
      c[row + 2] = c02;
      c[row + n + 2] = c12;
      c[row + 2 * n + 2] = c22;
      c[row + 3 * n + 2] = c32;
    }
  }

  for (; i < m; i++) {
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    for (let p = 0, x = i * aRow, y = 0; p < k; p++, x += aStep, y += bStep) {
      const u = a[x];
      c0 += u * b[y];
      c1 += u * b[y + b1];
      c2 += u * b[y + b2];
    }
    c[i * n] = c0;
    if (n > 1) c[i * n + 1] = c1;
    if (n > 2) c[i * n + 2] = c2;
  }
}
