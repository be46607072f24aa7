// Workload C: inference (forward pass to softmax probabilities) of the Fashion-MNIST model
// 784 -> 128 -> 128 -> 10 on 10,000 uniform inputs, on one and on two OpenBLAS threads, against
// its three sgemm calls timed alone with the same thread count.
import { expectArraysClose, measure, runNumpy, target } from './harness.mjs';
import { inferenceProducts, makeNetwork, productsOnly } from './network.mjs';

export const name = 'inference';

const MODEL = {
  sizes: [784, 128, 128, 10], data: 'uniform', batch: 10_000, learningRate: 0.001, decay: 0,
};

export function run({ native, repeats }) {
  const numpy = runNumpy('inference', { sizes: MODEL.sizes.join(','), rows: MODEL.batch, repeats });
  const backends = native !== null ? ['native', 'js'] : ['js'];
  const networks = backends.map((backend) => makeNetwork(backend, MODEL));
  const firstRows = networks.map((network) => network.predict(network.X).data.slice(0, 10));
  if (firstRows.length === 2) {
    expectArraysClose('inference native vs js', firstRows[0], firstRows[1], 1e-5, 1e-7);
  }
  if (numpy !== null) {
    expectArraysClose('inference vs NumPy', firstRows[0], numpy.float32.first_row, 1e-5, 1e-7);
  }

  const timeOf = (fn, count = repeats) => measure(fn, { repeats: count, warmup: 1 });
  const rows = [];
  const targets = [];
  const js = timeOf(() => networks.at(-1).predict(networks.at(-1).X), 3);
  if (native !== null) {
    const products = productsOnly(native, inferenceProducts(MODEL.sizes, MODEL.batch));
    const network = networks[0];
    const byThreads = {};
    for (const threads of [1, 2]) {
      native.setNumThreads(threads);
      byThreads[threads] = {
        step: timeOf(() => network.predict(network.X)),
        floor: timeOf(products),
      };
    }
    native.setNumThreads(1);
    for (const threads of [1, 2]) {
      rows.push({
        variant: `C: 10000x784 inference, ${threads} thread${threads > 1 ? 's' : ''}`,
        native: byThreads[threads].step,
        js: threads === 1 ? js : null,
        floor: byThreads[threads].floor,
        numpy: threads === 1 ? numpy?.float32 ?? null : null,
        book: threads === 1 ? numpy?.book ?? null : null,
      });
    }
    targets.push(target(
      'C native (1 thread) <= 1.1x its 3 sgemm calls',
      byThreads[1].step.median / byThreads[1].floor.median, 1.1,
    ));
    targets.push(target(
      'C 2 threads >= 1.6x faster than 1',
      byThreads[1].step.median / byThreads[2].step.median, 1.6, 'min',
    ));
  } else {
    rows.push({
      variant: 'C: 10000x784 inference', native: null, js, floor: null,
      numpy: numpy?.float32 ?? null, book: numpy?.book ?? null,
    });
  }
  return { rows, targets };
}
