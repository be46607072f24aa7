// Workload A: one full-batch training step of the book's chapter 10 spiral model
// (300 x 2 -> 64 -> 3, ReLU, softmax + cross-entropy, Adam with learning rate 0.05 and decay
// 5e-7), plus the chapter 9 model (300 x 2 -> 3 -> 3) forward and backward without an update.
import { expectClose, innerFor, measure, runNumpy, target } from './harness.mjs';
import { makeNetwork, productsOnly, trainingProducts } from './network.mjs';

export const name = 'spiral-step';

const STEP = { sizes: [2, 64, 3], data: 'spiral', batch: 300, learningRate: 0.05, decay: 5e-7 };
const CH9 = { sizes: [2, 3, 3], data: 'spiral', batch: 300, learningRate: 0.001, decay: 0 };

/** Checks the first three losses of both backends against each other and against NumPy's. */
function checkLosses(networks, numpyLosses) {
  const losses = networks.map((network) => [0, 1, 2].map(() => network.step()));
  for (let s = 0; s < 3; s++) {
    if (losses.length === 2) {
      expectClose(`spiral step ${s} native vs js`, losses[0][s], losses[1][s], 1e-5);
    }
    if (numpyLosses !== null) {
      expectClose(`spiral step ${s} vs NumPy`, losses[0][s], numpyLosses[s], 1e-5);
    }
  }
}

export function run({ native, repeats }) {
  const numpy = runNumpy('step', {
    sizes: STEP.sizes.join(','), data: STEP.data, batch: STEP.batch,
    lr: STEP.learningRate, decay: STEP.decay, repeats,
  });
  const backends = native !== null ? ['native', 'js'] : ['js'];
  const steps = backends.map((backend) => makeNetwork(backend, STEP));
  checkLosses(steps, numpy?.float32.losses ?? null);

  const timeOf = (fn) => measure(fn, { inner: innerFor(fn), repeats });
  const stepTimes = Object.fromEntries(backends.map((b, x) => [b, timeOf(steps[x].step)]));
  const floor =
    native !== null ? timeOf(productsOnly(native, trainingProducts(STEP.sizes, STEP.batch))) : null;

  const ch9 = backends.map((backend) => makeNetwork(backend, CH9));
  if (ch9.length === 2) {
    const [nativeLoss, jsLoss] = ch9.map((network) => network.forwardBackward());
    expectClose('chapter 9 loss native vs js', nativeLoss, jsLoss, 1e-6);
  }
  const ch9Times = Object.fromEntries(backends.map((b, x) => [b, timeOf(ch9[x].forwardBackward)]));
  const ch9Floor =
    native !== null ? timeOf(productsOnly(native, trainingProducts(CH9.sizes, CH9.batch))) : null;

  const numpyStep = numpy?.float32.median ?? NaN;
  const targets = [];
  if (native !== null) {
    const ratio = stepTimes.native.median / numpyStep;
    targets.push(target('A native step <= 1/8 of NumPy float32', ratio, 1 / 8));
  }
  targets.push(target('A js step <= NumPy float32', stepTimes.js.median / numpyStep, 1));
  return {
    rows: [
      {
        variant: 'A: 300x2 -> 64 -> 3 Adam step',
        native: stepTimes.native ?? null, js: stepTimes.js, floor,
        numpy: numpy?.float32 ?? null, book: numpy?.book ?? null,
      },
      {
        variant: 'ch9: 300x2 -> 3 -> 3 fwd+bwd',
        native: ch9Times.native ?? null, js: ch9Times.js, floor: ch9Floor, numpy: null, book: null,
      },
    ],
    targets,
  };
}
