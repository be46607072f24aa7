// Steady-state allocation: after a warm-up, 10,000 training steps of workloads A and B must move
// the V8 heap and the ArrayBuffer memory by less than 1 MB, both read after a full collection.
import { makeNetwork } from './network.mjs';
import { target } from './harness.mjs';

export const name = 'memory';

const MB = 1024 * 1024;
const STEPS = 10_000;
export const A = { sizes: [2, 64, 3], data: 'spiral', batch: 300, learningRate: 0.05, decay: 5e-7 };
export const B = {
  sizes: [784, 128, 128, 10], data: 'uniform', batch: 128, learningRate: 0.001, decay: 1e-3,
};

function collect() {
  if (typeof globalThis.gc !== 'function') {
    throw new Error('memory: run node with --expose-gc (npm run bench does)');
  }
  globalThis.gc();
  globalThis.gc();
}

/** Heap and ArrayBuffer growth over STEPS steps that follow `warmup` steps. */
function growth(network, warmup) {
  for (let s = 0; s < warmup; s++) network.step();
  collect();
  const before = process.memoryUsage();
  for (let s = 0; s < STEPS; s++) network.step();
  collect();
  const after = process.memoryUsage();
  return {
    heap: after.heapUsed - before.heapUsed,
    arrayBuffers: after.arrayBuffers - before.arrayBuffers,
  };
}

export function run({ native, quick }) {
  const cases = [];
  if (native !== null) {
    native.setNumThreads(1);
    cases.push(['A native', makeNetwork('native', A), 2_000]);
    if (!quick) cases.push(['B native', makeNetwork('native', B), 1_000]);
  }
  cases.push(['A js', makeNetwork('js', A), 2_000]);
  const rows = [];
  const targets = [];
  for (const [label, network, warmup] of cases) {
    const moved = growth(network, warmup);
    rows.push({
      variant: `${label}: ${STEPS} steps`,
      heapBytes: moved.heap,
      arrayBufferBytes: moved.arrayBuffers,
    });
    const worst = Math.max(Math.abs(moved.heap), Math.abs(moved.arrayBuffers));
    targets.push(target(`${label} steady state moves < 1 MB`, worst / MB, 1));
  }
  return { rows, targets, kind: 'memory' };
}
