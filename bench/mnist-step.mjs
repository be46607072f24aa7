// Workload B: one training step of the book's Fashion-MNIST model (784 -> 128 -> 128 -> 10,
// ReLU, softmax + cross-entropy, Adam with decay 1e-3) on a batch of 128 uniform inputs, on one
// OpenBLAS thread, against its nine sgemm calls timed alone.
import { expectClose, innerFor, measure, runNumpy, target } from './harness.mjs';
import { makeNetwork, productsOnly, trainingProducts } from './network.mjs';

export const name = 'mnist-step';

const STEP = {
  sizes: [784, 128, 128, 10], data: 'uniform', batch: 128, learningRate: 0.001, decay: 1e-3,
};

export function run({ native, repeats }) {
  const numpy = runNumpy('step', {
    sizes: STEP.sizes.join(','), data: STEP.data, batch: STEP.batch,
    lr: STEP.learningRate, decay: STEP.decay, repeats,
  });
  if (native !== null) native.setNumThreads(1);
  const backends = native !== null ? ['native', 'js'] : ['js'];
  const networks = backends.map((backend) => makeNetwork(backend, STEP));
  const losses = networks.map((network) => [0, 1, 2].map(() => network.step()));
  for (let s = 0; s < 3; s++) {
    if (losses.length === 2) {
      expectClose(`mnist step ${s} native vs js`, losses[0][s], losses[1][s], 1e-5);
    }
    if (numpy !== null) {
      expectClose(`mnist step ${s} vs NumPy`, losses[0][s], numpy.float32.losses[s], 1e-5);
    }
  }

  const timeOf = (fn) => measure(fn, { inner: innerFor(fn), repeats });
  const times = Object.fromEntries(backends.map((b, x) => [b, timeOf(networks[x].step)]));
  const floor =
    native !== null ? timeOf(productsOnly(native, trainingProducts(STEP.sizes, STEP.batch))) : null;

  const targets = [];
  if (native !== null) {
    const ratio = times.native.median / floor.median;
    targets.push(target('B native step <= 1.25x its 9 sgemm calls', ratio, 1.25));
  }
  targets.push(target('B js step <= 25 ms', times.js.median / 0.025, 1));
  return {
    rows: [{
      variant: 'B: 128x784 -> 128 -> 128 -> 10 Adam step',
      native: times.native ?? null, js: times.js, floor,
      numpy: numpy?.float32 ?? null, book: numpy?.book ?? null,
    }],
    targets,
  };
}
