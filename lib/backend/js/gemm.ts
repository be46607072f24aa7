// Matrix products in pure TypeScript, the js counterpart of the native cblas_sgemm call.
//
// Shapes: C (M x N) = op(A) · op(B) with op(A) M x K and op(B) K x N, all row-major. A is
// stored M x K, or K x M when transA; B is stored K x N, or N x K when transB. Transposes are
// handled while packing: no transposed copy of a whole operand is ever made.
//
// Every product of two float32 values is exact in float64. The float64 sum of K of them is
// normally off by far less than half a float32 ulp, so rounding that sum once to float32
// gives the product NumPy computes in float64 under `nnfs.init()`. The js backend therefore
// computes both precisions ('fast' and 'reference') the same way, and ignores `precision`.
// Each entry is summed in float64 from p = 0 to K - 1 in order, one product at a time.
// NOTE: under heavy cancellation, or when the sum lies almost exactly halfway between two
// float32 values, a different float64 summation order (BLAS dgemm's) can round the other way.
//
// Speed: the layout of a BLAS-style kernel, within what V8 compiles well. Each product goes to
// one of four kernels by shape:
//   - K <= 4 (gemm-small-k.ts): one unrolled expression per entry, no loop over p;
//   - N <= 3 (gemm-narrow.ts): 4 x 2 and 4 x 3 tiles, so no work goes to missing columns;
//   - M >= 16 and N >= 16 (gemm-packed.ts): both operands packed into float64 panels;
//   - otherwise the strided micro-kernel below, which reads both operands in place.
// The micro-kernels keep an MR x NR = 2 x 4 tile of C in local variables, which V8 keeps in
// registers: x64 has 16 vector registers, and 8 accumulators plus 2 values of A, 1 of B and
// one product fit, while a 4 x 4 tile would spill to the stack. The strided kernel reads both
// operands through strides, so every transpose case runs the same code without a copy. Tiles
// at the right and bottom edges re-read the last valid row or column in place of the missing
// ones and write only their valid part, so no read goes past an operand's end.
import type { Precision } from '../kernels.js';
import { NARROW_N_MAX, gemmNarrow } from './gemm-narrow.js';
import { gemmPacked } from './gemm-packed.js';
import { SMALL_K_MAX, gemmSmallK } from './gemm-small-k.js';

// A store into a Float32Array rounds to the nearest float32, as Math.fround would, so results
// are stored without a separate rounding call.

/** Rows of op(A) per micro-kernel tile. */
const MR = 2;
/** Columns of op(B) per micro-kernel tile. */
const NR = 4;
/**
 * Packing copies M x K + K x N values, which pays only when many tiles reuse them. Below these
 * sizes the strided kernel measured as fast or faster (the 128 x 10 x 128 products of the
 * Fashion-MNIST model's output layer, on an x64 EPYC with Node 20).
 */
const PACK_MIN_ROWS = 16;
const PACK_MIN_COLUMNS = 16;

/** One MR x NR tile of C at the matrix edge, staged before its valid part is written. */
const edgeTile = new Float64Array(MR * NR);

/** C = op(A) · op(B), accumulated in float64 and rounded once to float32. */
export function gemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  _precision: Precision,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    c.fill(0, 0, m * n);
    return;
  }

  if (k <= SMALL_K_MAX) {
    gemmSmallK(transA, transB, m, n, k, a, b, c);
    return;
  }

  if (n <= NARROW_N_MAX) {
    gemmNarrow(transA, transB, m, n, k, a, b, c);
    return;
  }

  // Strides of op(A): entry (i, p) is a[i * aRow + p * aStep].
  const aRow = transA ? 1 : k;
  const aStep = transA ? m : 1;

  if (m < PACK_MIN_ROWS || n < PACK_MIN_COLUMNS) {
    // Strides of op(B): entry (p, j) is b[p * bStep + j * bCol].
    const bStep = transB ? 1 : n;
    const bCol = transB ? k : 1;
    for (let i0 = 0; i0 < m; i0 += MR) {
      const rows = Math.min(MR, m - i0);
      for (let j = 0; j < n; j += NR) {
        const cols = Math.min(NR, n - j);
        microKernel(
          k, a, i0 * aRow, rows > 1 ? aRow : 0, aStep, b, j * bCol, bCol, bStep, cols,
          c, i0 * n + j, n, rows,
        );
      }
    }
    return;
  }

  gemmPacked(transA, transB, m, n, k, a, b, c);
}

/**
 * One tile of C (rows x cols, at most MR x NR, starting at c[cStart] with row stride n): for each
 * of its entries, the float64 sum over p = 0 .. K - 1 of A(i, p) * B(p, j), in order. Row r of
 * the tile reads A at aStart + r * aRow + p * aStep. Column t reads B at bStart + t * bCol +
 * p * bStep. An edge tile passes aRow = 0, and its missing columns re-read column cols - 1.
 */
function microKernel(
  k: number,
  a: Float32Array,
  aStart: number,
  aRow: number,
  aStep: number,
  b: Float32Array,
  bStart: number,
  bCol: number,
  bStep: number,
  cols: number,
  c: Float32Array,
  cStart: number,
  n: number,
  rows: number,
): void {
  const b1 = Math.min(1, cols - 1) * bCol;
  const b2 = Math.min(2, cols - 1) * bCol;
  const b3 = Math.min(3, cols - 1) * bCol;
  let c00 = 0;
  let c01 = 0;
  let c02 = 0;
  let c03 = 0;
  let c10 = 0;
  let c11 = 0;
  let c12 = 0;
  let c13 = 0;
  for (let p = 0, x = aStart, y = bStart; p < k; p++, x += aStep, y += bStep) {
    const a0 = a[x];
    const a1 = a[x + aRow];
    let bv = b[y];
    c00 += a0 * bv;
    c10 += a1 * bv;
    bv = b[y + b1];
    c01 += a0 * bv;
    c11 += a1 * bv;
    bv = b[y + b2];
    c02 += a0 * bv;
    c12 += a1 * bv;
    bv = b[y + b3];
    c03 += a0 * bv;
    c13 += a1 * bv;
  }

  if (rows === MR && cols === NR) {
    c[cStart] = c00;
    c[cStart + 1] = c01;
    c[cStart + 2] = c02;
    c[cStart + 3] = c03;
    c[cStart + n] = c10;
    c[cStart + n + 1] = c11;
    c[cStart + n + 2] = c12;
    c[cStart + n + 3] = c13;
    return;
  }
  // An edge tile: stage it in a fixed buffer (locals cannot be indexed), then write the valid
  // entries only.
  const tile = edgeTile;
  tile[0] = c00;
  tile[1] = c01;
  tile[2] = c02;
  tile[3] = c03;
  tile[4] = c10;
  tile[5] = c11;
  tile[6] = c12;
  tile[7] = c13;
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < cols; t++) c[cStart + r * n + t] = tile[r * NR + t];
  }
}
