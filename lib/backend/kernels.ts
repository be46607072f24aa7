// The contract both backends implement. The facade validates every argument before it calls
// a kernel, so kernels may assume valid shapes; the native side still checks again at the
// Node-API boundary because a wrong length there would read or write out of bounds.
//
// Layout: every matrix is a row-major Float32Array. Dimension letters used below:
//   N  rows of a batch (samples)        I  input features of a dense layer
//   O  output features (neurons)        C  classes (columns of a softmax or loss input)
// `labels` are class indices as an Int32Array of length N; `oneHot` is an N x C matrix.
// Exactly one of `labels` and `oneHot` is non-null in the loss kernels.

/**
 * How matrix products are computed. `fast` calls cblas_sgemm (float32 throughout);
 * `reference` computes each product in float64 and rounds it once to float32, as the book's
 * `nnfs.init()` does, so seeded runs reproduce NumPy's output bit for bit.
 */
export type Precision = 'fast' | 'reference';

export type BackendName = 'native' | 'js';

export interface Kernels {
  readonly name: BackendName;

  /**
   * C (M x Nc) = op(A) · op(B), where op(A) is M x K and op(B) is K x Nc. With `transA`, A is
   * stored K x M; with `transB`, B is stored Nc x K. C is overwritten.
   */
  gemm(
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    precision: Precision,
  ): void;

  /** output (N x O) = inputs (N x I) · weights (I x O) + biases (1 x O). */
  denseForward(
    inputs: Float32Array,
    weights: Float32Array,
    biases: Float32Array,
    output: Float32Array,
    n: number,
    i: number,
    o: number,
    precision: Precision,
  ): void;

  /**
   * dweights (I x O) = inputsᵀ · dvalues; dbiases (1 x O) = column sums of dvalues (N x O),
   * added row by row in float32 (pairwise, as NumPy sums a contiguous run, when O is 1);
   * dinputs (N x I) = dvalues · weightsᵀ, skipped when `dinputs` is null.
   */
  denseBackward(
    inputs: Float32Array,
    weights: Float32Array,
    dvalues: Float32Array,
    dweights: Float32Array,
    dbiases: Float32Array,
    dinputs: Float32Array | null,
    n: number,
    i: number,
    o: number,
    precision: Precision,
  ): void;

  /** output = max(0, inputs), element-wise over `inputs.length` values. */
  reluForward(inputs: Float32Array, output: Float32Array): void;

  /** dinputs = 0 where inputs <= 0, else dvalues: a NaN input passes its gradient (the book). */
  reluBackward(inputs: Float32Array, dvalues: Float32Array, dinputs: Float32Array): void;

  /** Row-wise softmax of an N x C matrix: exp(x - rowmax) / rowsum, exp correctly rounded. */
  softmaxForward(inputs: Float32Array, output: Float32Array, n: number, c: number): void;

  /** dinputs = s * (dvalues - dot(s, dvalues)) per row: the Jacobian product in O(C). */
  softmaxBackward(
    output: Float32Array,
    dvalues: Float32Array,
    dinputs: Float32Array,
    n: number,
    c: number,
  ): void;

  /** losses[r] = -log(clip(predictions[r, true class], 1e-7, 1 - 1e-7)) for N rows. */
  crossEntropyForward(
    predictions: Float32Array,
    labels: Int32Array | null,
    oneHot: Float32Array | null,
    losses: Float32Array,
    n: number,
    c: number,
  ): void;

  /** dinputs = -onehot / clip(predictions) / N; clipped like the forward so it stays finite. */
  crossEntropyBackward(
    predictions: Float32Array,
    labels: Int32Array | null,
    oneHot: Float32Array | null,
    dinputs: Float32Array,
    n: number,
    c: number,
  ): void;

  /** dinputs = (dvalues - onehot) / N: the combined softmax + cross-entropy backward. */
  softmaxCrossEntropyBackward(
    dvalues: Float32Array,
    labels: Int32Array | null,
    oneHot: Float32Array | null,
    dinputs: Float32Array,
    n: number,
    c: number,
  ): void;

  /** out[r] = index of the first maximum of row r of an N x C matrix. */
  argmax(inputs: Float32Array, out: Int32Array, n: number, c: number): void;

  /**
   * Mean of `values` in float32, summed in NumPy's pairwise order so that a seeded run matches
   * `np.mean` on a float32 array bit for bit.
   */
  mean(values: Float32Array): number;

  // Optimizer updates: one fused pass over a parameter array, updating the moments or caches in
  // the same pass. Every scalar is rounded to float32 before use and every operation is done
  // in float32 in the order the book's NumPy code evaluates it (no fused multiply-add), so a
  // seeded run reproduces the Python reference.

  /**
   * SGD. Without momentum (`momentums` null): params += (-lr) * grads. With momentum:
   * update = momentum * momentums - lr * grads; momentums = update; params += update.
   */
  sgdUpdate(
    params: Float32Array,
    grads: Float32Array,
    momentums: Float32Array | null,
    learningRate: number,
    momentum: number,
  ): void;

  /** AdaGrad: cache += grads²; params += (-lr) * grads / (sqrt(cache) + epsilon). */
  adagradUpdate(
    params: Float32Array,
    grads: Float32Array,
    cache: Float32Array,
    learningRate: number,
    epsilon: number,
  ): void;

  /**
   * RMSprop: cache = rho * cache + (1 - rho) * grads²;
   * params += (-lr) * grads / (sqrt(cache) + epsilon). `oneMinusRho` is passed in so the
   * caller decides how 1 - rho is rounded (in float64, as Python does, then to float32).
   */
  rmspropUpdate(
    params: Float32Array,
    grads: Float32Array,
    cache: Float32Array,
    learningRate: number,
    rho: number,
    oneMinusRho: number,
    epsilon: number,
  ): void;

  /**
   * Adam: m = beta1 * m + (1 - beta1) * g; v = beta2 * v + (1 - beta2) * g²;
   * params += ((-lr) * (m / correction1)) / (sqrt(v / correction2) + epsilon), where
   * correctionK = 1 - betaK ** (iterations + 1) is computed by the caller in float64.
   */
  adamUpdate(
    params: Float32Array,
    grads: Float32Array,
    momentums: Float32Array,
    cache: Float32Array,
    hyper: AdamScalars,
  ): void;

  /**
   * Adam on one layer: adamUpdate on the weights and their state, then on the biases and
   * theirs, with the same scalars. One call instead of two, because a native call costs about
   * as much as the update of a small layer.
   */
  adamUpdateLayer(
    weights: Float32Array,
    dweights: Float32Array,
    weightMomentums: Float32Array,
    weightCache: Float32Array,
    biases: Float32Array,
    dbiases: Float32Array,
    biasMomentums: Float32Array,
    biasCache: Float32Array,
    hyper: AdamScalars,
  ): void;

  // The later chapters' kernels: sigmoid, the binary and regression losses, dropout's product
  // and L1/L2 regularisation. K is the number of outputs per sample (columns of a sigmoid or
  // linear output); targets are N x K float32 matrices like the predictions.

  /** output = 1 / (1 + exp(-inputs)) in float32, exp correctly rounded, over `inputs.length`. */
  sigmoidForward(inputs: Float32Array, output: Float32Array): void;

  /** dinputs = dvalues * (1 - output) * output, in that order, over `output.length` values. */
  sigmoidBackward(output: Float32Array, dvalues: Float32Array, dinputs: Float32Array): void;

  /**
   * losses[r] = mean over the row of -(t * log(p) + (1 - t) * log(1 - p)), with p clipped to
   * [1e-7, 1 - 1e-7], for N x K predictions and targets; the row mean is pairwise in float32.
   */
  binaryCrossEntropyForward(
    predictions: Float32Array,
    targets: Float32Array,
    losses: Float32Array,
    n: number,
    k: number,
  ): void;

  /** dinputs = -(t / p - (1 - t) / (1 - p)) / K / N, with p clipped as in the forward. */
  binaryCrossEntropyBackward(
    predictions: Float32Array,
    targets: Float32Array,
    dinputs: Float32Array,
    n: number,
    k: number,
  ): void;

  /** losses[r] = mean over the row of (t - p)², the row mean pairwise in float32. */
  meanSquaredErrorForward(
    predictions: Float32Array,
    targets: Float32Array,
    losses: Float32Array,
    n: number,
    k: number,
  ): void;

  /** dinputs = -2 * (t - p) / K / N. */
  meanSquaredErrorBackward(
    predictions: Float32Array,
    targets: Float32Array,
    dinputs: Float32Array,
    n: number,
    k: number,
  ): void;

  /** losses[r] = mean over the row of |t - p|, the row mean pairwise in float32. */
  meanAbsoluteErrorForward(
    predictions: Float32Array,
    targets: Float32Array,
    losses: Float32Array,
    n: number,
    k: number,
  ): void;

  /**
   * dinputs = sign(p - t) / K / N, with sign(0) = 0 as np.sign gives: the derivative of
   * |t - p|. The book's code has sign(t - p), the opposite sign.
   */
  meanAbsoluteErrorBackward(
    predictions: Float32Array,
    targets: Float32Array,
    dinputs: Float32Array,
    n: number,
    k: number,
  ): void;

  /** out = values * mask element-wise: dropout's forward and backward with a scaled mask. */
  dropoutApply(values: Float32Array, mask: Float32Array, out: Float32Array): void;

  /**
   * Adds the L1 and L2 penalty of one parameter array to `initial` in float32, in the book's
   * order: (initial + fround(l1) * sum(|p|)) + fround(l2) * sum(p²), both sums pairwise in
   * float32 over the whole array. A strength of 0 skips its term, as the book's `if l > 0` does.
   */
  regularizationLoss(params: Float32Array, l1: number, l2: number, initial: number): number;

  /**
   * grads += fround(l1) * sign(params) with sign(0) = +1, then grads += fround(2 * l2) * params,
   * in one pass; a strength of 0 skips its term.
   */
  regularizationBackward(params: Float32Array, grads: Float32Array, l1: number, l2: number): void;
}

/** The scalars of one Adam step; each is rounded to float32 inside the kernel. */
export interface AdamScalars {
  learningRate: number;
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  correction1: number;
  correction2: number;
  epsilon: number;
}
