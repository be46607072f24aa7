// The dense ReLU networks of the training and inference workloads, built with the package's
// public classes the way the book's training loop uses them. Data and weights are seeded like
// bench/numpy_bench.py (seed 0, float32 randn, weights 0.01 * randn), so both compute the same
// losses and the NumPy column can be checked against ours before anything is timed.
import {
  ActivationReLU,
  ActivationSoftmax,
  ActivationSoftmaxLossCategoricalCrossentropy,
  LayerDense,
  Matrix,
  OptimizerAdam,
  init,
  randomSample,
  setBackend,
  spiralData,
} from '../dist/index.js';

/** Makes spiral data (`data: 'spiral'`) or uniform [0, 1) inputs with labels `row % classes`. */
function makeData(sizes, data, batch) {
  const classes = sizes[sizes.length - 1];
  if (data === 'spiral') {
    const { X, y } = spiralData(batch / classes, classes);
    return { X, y };
  }
  const values = randomSample(batch * sizes[0]);
  const X = new Matrix(batch, sizes[0], Float32Array.from(values));
  const y = new Int32Array(batch);
  for (let r = 0; r < batch; r++) y[r] = r % classes;
  return { X, y };
}

/**
 * Builds a network with layers `sizes` (e.g. [2, 64, 3]) on `batch` rows, on one backend.
 * `step()` runs one full training step and returns the loss. `forwardBackward()` skips the
 * optimizer, and `predict()` runs the forward pass only.
 */
export function makeNetwork(backend, { sizes, data, batch, learningRate, decay }) {
  setBackend(backend);
  init();
  const { X, y } = makeData(sizes, data, batch);
  const dense = [];
  const relu = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    dense.push(new LayerDense(sizes[l], sizes[l + 1]));
    if (l + 2 < sizes.length) relu.push(new ActivationReLU());
  }
  const head = new ActivationSoftmaxLossCategoricalCrossentropy();
  const softmax = new ActivationSoftmax();
  const optimizer = new OptimizerAdam({ learningRate, decay });
  const last = dense.length - 1;

  function forwardLogits(inputs) {
    let current = inputs;
    for (let l = 0; l < dense.length; l++) {
      dense[l].forward(current);
      current = dense[l].output;
      if (l < last) {
        relu[l].forward(current);
        current = relu[l].output;
      }
    }
    return current;
  }

  /** Forward and backward passes without the optimizer, as the chapter 9 example runs them. */
  function forwardBackward() {
    // The layers call the active backend at run time, so every pass selects its own.
    setBackend(backend);
    const loss = head.forward(forwardLogits(X), y);
    head.backward(head.output, y);
    let dvalues = head.dinputs;
    for (let l = last; l >= 0; l--) {
      dense[l].backward(dvalues);
      dvalues = dense[l].dinputs;
      if (l > 0) {
        relu[l - 1].backward(dvalues);
        dvalues = relu[l - 1].dinputs;
      }
    }
    return loss;
  }

  function step() {
    const loss = forwardBackward();
    optimizer.preUpdateParams();
    for (const layer of dense) optimizer.updateParams(layer);
    optimizer.postUpdateParams();
    return loss;
  }

  function predict(inputs) {
    setBackend(backend);
    softmax.forward(forwardLogits(inputs));
    return softmax.output;
  }

  return { X, y, dense, forwardBackward, step, predict };
}

/**
 * Lists the matrix products of one training step, as cblas_sgemm arguments: per layer the forward
 * product, dweights = inputsᵀ · dvalues and dinputs = dvalues · weightsᵀ.
 */
export function trainingProducts(sizes, batch) {
  const products = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [i, o] = [sizes[l], sizes[l + 1]];
    products.push([false, false, batch, o, i]);
    products.push([true, false, i, o, batch]);
    products.push([false, true, batch, i, o]);
  }
  return products;
}

/** Lists the forward products of the network on `rows` inputs. */
export function inferenceProducts(sizes, rows) {
  const products = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    products.push([false, false, rows, sizes[l + 1], sizes[l]]);
  }
  return products;
}

/**
 * A function that runs `products` once each on `kernels`, with buffers allocated here once, so
 * it times the sgemm calls alone: the floor that no training step can beat.
 */
export function productsOnly(kernels, products) {
  const calls = products.map(([transA, transB, m, n, k]) => {
    const a = new Float32Array(m * k).map((_, x) => ((x * 7919) % 1000) / 1000 - 0.5);
    const b = new Float32Array(k * n).map((_, x) => ((x * 104729) % 1000) / 1000 - 0.5);
    const c = new Float32Array(m * n);
    return () => kernels.gemm(transA, transB, m, n, k, a, b, c, 'fast');
  });
  return () => {
    for (const call of calls) call();
  };
}
