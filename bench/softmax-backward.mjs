// ActivationSoftmax.backward (the Jacobian product in O(C) per row) on 300 x 3 and 10,000 x 10,
// against the book's per-sample loop in NumPy that builds each C x C Jacobian.
import { ActivationSoftmax, Matrix, setBackend } from '../dist/index.js';
import { expectArraysClose, innerFor, measure, runNumpy, target } from './harness.mjs';

export const name = 'softmax-backward';

const SHAPES = [[300, 3], [10_000, 10]];

/** Deterministic logits and gradients in [-2, 2) and [-1, 1). */
function inputs(rows, cols) {
  const logits = new Float32Array(rows * cols).map((_, x) => ((x * 7919) % 4000) / 1000 - 2);
  const dvalues = new Float32Array(rows * cols).map((_, x) => ((x * 104729) % 2000) / 1000 - 1);
  return { logits: new Matrix(rows, cols, logits), dvalues: new Matrix(rows, cols, dvalues) };
}

export function run({ native, repeats }) {
  const backends = native !== null ? ['native', 'js'] : ['js'];
  const rows = [];
  const targets = [];
  for (const [n, c] of SHAPES) {
    const { logits, dvalues } = inputs(n, c);
    const times = {};
    const results = {};
    for (const backend of backends) {
      setBackend(backend);
      const softmax = new ActivationSoftmax();
      softmax.forward(logits);
      const backward = () => {
        setBackend(backend);
        softmax.backward(dvalues);
      };
      backward();
      results[backend] = softmax.dinputs.data.slice();
      times[backend] = measure(backward, { inner: innerFor(backward), repeats });
    }
    if (native !== null) {
      const what = `softmax backward ${n}x${c} native vs js`;
      expectArraysClose(what, results.native, results.js, 1e-5, 1e-7);
    }
    const numpy = runNumpy('softmax_backward', { rows: n, cols: c, repeats: Math.min(repeats, 5) });
    const loop = numpy?.book_loop ?? null;
    rows.push({
      variant: `${n} x ${c}`, native: times.native ?? null, js: times.js, floor: null,
      numpy: null, book: loop,
    });
    const ours = times.native ?? times.js;
    targets.push(target(
      `softmax backward ${n}x${c} >= 500x the book's NumPy loop`,
      (loop?.median ?? NaN) / ours.median, 500, 'min',
    ));
  }
  return { rows, targets, bookLabel: 'NumPy book loop' };
}
