// Matrix products in pure TypeScript, the js counterpart of the native cblas_sgemm call.
//
// Shapes: C (M x N) = op(A) · op(B) with op(A) M x K and op(B) K x N, all row-major. A is
// stored M x K, or K x M when transA; B is stored K x N, or N x K when transB. Transposes are
// handled by index arithmetic: no transposed copy of an operand is ever made.
//
// Every product of two float32 values is exact in float64. The float64 sum of K of them is
// normally off by far less than half a float32 ulp, so rounding that sum once to float32
// gives the product NumPy computes in float64 under `nnfs.init()`. The js backend therefore
// computes both precisions ('fast' and 'reference') the same way, and ignores `precision`.
// NOTE: under heavy cancellation, or when the sum lies almost exactly halfway between two
// float32 values, a different float64 summation order (BLAS dgemm's) can round the other way.
import type { Precision } from '../kernels.js';

const f32 = Math.fround;

/** Inner-dimension block: K_BLOCK rows of the right operand are reused across all M rows. */
const K_BLOCK = 64;
/** Column block: K_BLOCK x N_BLOCK float32 values (128 KiB) stay in the L2 cache. */
const N_BLOCK = 512;
/** Row block of the transposed right operand in the dot-product form (NT). */
const J_BLOCK = 64;

/** Float64 accumulators for the outer-product forms, grown on demand and then reused. */
let scratch = new Float64Array(4096);

function accumulators(size: number): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(Math.max(size, scratch.length * 2));
  scratch.fill(0, 0, size);
  return scratch;
}

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

  if (transB && !transA) {
    dotProducts(m, n, k, a, b, c);
    return;
  }

  const acc = accumulators(m * n);
  if (!transA) {
    // A is M x K: row i of A is contiguous.
    accumulateOuter(m, n, k, a, k, 1, b, acc);
  } else if (!transB) {
    // A is K x M: column i of the stored A is row i of op(A).
    accumulateOuter(m, n, k, a, 1, m, b, acc);
  } else {
    // Both transposed: compute Cᵀ (N x M) = B · A, where B (N x K) and A (K x M) are stored
    // as they are, then write it back transposed.
    const accT = accumulators(n * m);
    accumulateOuter(n, m, k, b, k, 1, a, accT);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) c[i * n + j] = f32(accT[j * m + i]);
    }
    return;
  }
  for (let x = 0; x < m * n; x++) c[x] = f32(acc[x]);
}

/**
 * acc (rows x cols) += L · R, where L[i, p] = left[i * rowStride + p * innerStride] and R is a
 * row-major inner x cols matrix. The innermost loop walks a row of R and of acc contiguously.
 * Each pass folds in four rows of R, which cuts the loads and stores of acc by four.
 */
function accumulateOuter(
  rows: number,
  cols: number,
  inner: number,
  left: Float32Array,
  rowStride: number,
  innerStride: number,
  right: Float32Array,
  acc: Float64Array,
): void {
  for (let p0 = 0; p0 < inner; p0 += K_BLOCK) {
    const p1 = Math.min(p0 + K_BLOCK, inner);
    for (let j0 = 0; j0 < cols; j0 += N_BLOCK) {
      const j1 = Math.min(j0 + N_BLOCK, cols);
      for (let i = 0; i < rows; i++) {
        const leftRow = i * rowStride;
        const accRow = i * cols;
        let p = p0;
        for (; p + 3 < p1; p += 4) {
          const l0 = left[leftRow + p * innerStride];
          const l1 = left[leftRow + (p + 1) * innerStride];
          const l2 = left[leftRow + (p + 2) * innerStride];
          const l3 = left[leftRow + (p + 3) * innerStride];
          const r0 = p * cols;
          const r1 = r0 + cols;
          const r2 = r1 + cols;
          const r3 = r2 + cols;
          for (let j = j0; j < j1; j++) {
            acc[accRow + j] +=
              l0 * right[r0 + j] + l1 * right[r1 + j] + l2 * right[r2 + j] + l3 * right[r3 + j];
          }
        }
        for (; p < p1; p++) {
          const l0 = left[leftRow + p * innerStride];
          const r0 = p * cols;
          for (let j = j0; j < j1; j++) acc[accRow + j] += l0 * right[r0 + j];
        }
      }
    }
  }
}

/**
 * C (M x N) = A · Bᵀ with A stored M x K and B stored N x K: every entry is a dot product of
 * two contiguous rows. Four float64 partial sums break the dependency chain of the additions.
 */
function dotProducts(
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
): void {
  const whole = k - (k % 4);
  for (let j0 = 0; j0 < n; j0 += J_BLOCK) {
    const j1 = Math.min(j0 + J_BLOCK, n);
    for (let i = 0; i < m; i++) {
      const aRow = i * k;
      for (let j = j0; j < j1; j++) {
        const bRow = j * k;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let p = 0;
        for (; p < whole; p += 4) {
          s0 += a[aRow + p] * b[bRow + p];
          s1 += a[aRow + p + 1] * b[bRow + p + 1];
          s2 += a[aRow + p + 2] * b[bRow + p + 2];
          s3 += a[aRow + p + 3] * b[bRow + p + 3];
        }
        for (; p < k; p++) s0 += a[aRow + p] * b[bRow + p];
        c[i * n + j] = f32(s0 + s1 + (s2 + s3));
      }
    }
  }
}
