// Products with an inner dimension K of 1 to 4, such as the first layer of a model on 2-D
// points (K = 2) or the input gradient of a 3-class output layer (K = 3).
//
// Shapes: C (M x N) = op(A) · op(B) with op(A) M x K and op(B) K x N, all row-major float32.
// A is stored M x K, or K x M when transA; B is stored K x N, or N x K when transB.
//
// Each entry is one unrolled expression, so the loop costs nothing per product. The sum starts
// at +0 and adds the products from p = 0 in order, as the general kernels do, so the bits are
// the same: (0 + a0 * b0) + a1 * b1 turns a lone -0 product into +0 like the other paths.
// A store into a Float32Array rounds to the nearest float32, as Math.fround would, so results
// are stored without a separate rounding call.
//
// The dense layer's forward pass passes its biases here, so that output = f32(f32(sum) +
// bias) is written in the same pass as the product instead of in a second pass over N x O.
const f32 = Math.fround;

/** The largest K this path handles. */
export const SMALL_K_MAX = 4;

/** Packed op(B), grown on demand and then reused, so steady-state calls allocate nothing. */
let packedB = new Float64Array(4 * 128);

/**
 * C = op(A) · op(B) for 1 <= K <= SMALL_K_MAX, summed in float64 and rounded once; with `bias`
 * (1 x N), each rounded entry then gets bias[j] added in float32.
 */
export function gemmSmallK(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  bias: Float32Array | null = null,
): void {
  // Entry (i, p) of op(A) is a[i * aRow + p * aStep].
  const aRow = transA ? 1 : k;
  const aStep = transA ? m : 1;

  // op(B) is at most 4 x N: a copy in float64 with the K values of each column side by side
  // (entry (p, j) at j * k + p) lets the loops below read it without a float32 conversion.
  if (packedB.length < k * n) packedB = new Float64Array(k * n);
  const bp = packedB;
  for (let j = 0; j < n; j++) {
    for (let p = 0; p < k; p++) bp[j * k + p] = transB ? b[j * k + p] : b[p * n + j];
  }
  const bCol = k;
  const b1 = 1;
  const b2 = 2;
  const b3 = 3;

  let i = 0;
  // Two rows at a time share each load of op(B), for the K = 2 and K = 3 products of the
  // spiral model; the other K values and an odd last row go one row at a time.
  if (k === 2 || k === 3) {
    for (; i + 1 < m; i += 2) {
      const x = i * aRow;
      const x1 = x + aRow;
      const row = i * n;
      const next = row + n;
      const a00 = a[x];
      const a01 = a[x + aStep];
      const a10 = a[x1];
      const a11 = a[x1 + aStep];
      if (k === 2) {
        for (let j = 0, y = 0; j < n; j++, y += bCol) {
          const v0 = bp[y];
          const v1 = bp[y + b1];
          store(c, row + j, 0 + a00 * v0 + a01 * v1, bias, j);
          store(c, next + j, 0 + a10 * v0 + a11 * v1, bias, j);
        }
        continue;
      }
      const a02 = a[x + 2 * aStep];
      const a12 = a[x1 + 2 * aStep];
      for (let j = 0, y = 0; j < n; j++, y += bCol) {
        const v0 = bp[y];
        const v1 = bp[y + b1];
        const v2 = bp[y + b2];
        store(c, row + j, 0 + a00 * v0 + a01 * v1 + a02 * v2, bias, j);
        store(c, next + j, 0 + a10 * v0 + a11 * v1 + a12 * v2, bias, j);
      }
    }
  }

  for (; i < m; i++) {
    const x = i * aRow;
    const row = i * n;
    const a0 = a[x];
    if (k === 1) {
      for (let j = 0, y = 0; j < n; j++, y += bCol) store(c, row + j, 0 + a0 * bp[y], bias, j);
      continue;
    }
    const a1 = a[x + aStep];
    if (k === 2) {
      for (let j = 0, y = 0; j < n; j++, y += bCol) {
        store(c, row + j, 0 + a0 * bp[y] + a1 * bp[y + b1], bias, j);
      }
      continue;
    }
    const a2 = a[x + 2 * aStep];
    if (k === 3) {
      for (let j = 0, y = 0; j < n; j++, y += bCol) {
        store(c, row + j, 0 + a0 * bp[y] + a1 * bp[y + b1] + a2 * bp[y + b2], bias, j);
      }
      continue;
    }
    const a3 = a[x + 3 * aStep];
    for (let j = 0, y = 0; j < n; j++, y += bCol) {
      const sum = 0 + a0 * bp[y] + a1 * bp[y + b1] + a2 * bp[y + b2] + a3 * bp[y + b3];
      store(c, row + j, sum, bias, j);
    }
  }
}

/** Writes `sum` rounded to float32, plus bias[j] in float32 when there is a bias. */
function store(
  c: Float32Array,
  index: number,
  sum: number,
  bias: Float32Array | null,
  j: number,
): void {
  c[index] = bias === null ? sum : f32(sum) + bias[j];
}
