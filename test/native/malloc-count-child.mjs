// Child process of no-allocation.test.ts. It runs under LD_PRELOAD=malloc-count.so, builds the
// training workloads A and B of bench/memory.mjs from the compiled package on the native
// backend, and counts the heap calls that the addon and OpenBLAS make during steady-state steps.
// It prints one JSON line: { objects, windows: [{ label, steps, allocations, frees, callers }] }.
//
// NOTE: products of 16M multiply-adds or more run on several OpenBLAS threads, and OpenBLAS
// 0.3.21 (Debian's libopenblas0-pthread) then mallocs and frees once per product, so a training
// step that large would count. A and B stay below that size and run on one thread.
//
// Usage: node malloc-count-child.mjs <path of malloc-count.so> <steps per window>
import { Matrix, init, randomSample } from '../../dist/index.js';
import { A, B } from '../../bench/memory.mjs';
import { makeNetwork } from '../../bench/network.mjs';

const [hookPath, stepsText] = process.argv.slice(2);
const steps = Number(stepsText);
if (hookPath === undefined || !Number.isInteger(steps) || steps < 1) {
  throw new Error('usage: node malloc-count-child.mjs <malloc-count.so> <steps per window>');
}

// The library is already mapped by LD_PRELOAD. process.dlopen maps the same copy again and
// calls its napi_register_module_v1, which exports the counter's functions.
const hook = { exports: {} };
process.dlopen(hook, hookPath);
const counter = hook.exports;

// Steps before counting: long enough for every buffer of the first steps to exist.
const WARMUP = 300;

const windows = [];
let objects = [];

/** Counts the watched heap calls of `count` runs of `step`. */
function measure(label, count, step) {
  const segments = counter.start();
  if (segments === 0) {
    throw new Error(
      'malloc-count: no loaded object has "nnfs" or "openblas" in its path; ' +
        'check that the native addon loads (npm run build:native)',
    );
  }
  objects = counter.objects();
  for (let s = 0; s < count; s++) step();
  const { allocations, frees } = counter.counts();
  windows.push({ label, steps: count, allocations, frees, callers: counter.callers() });
}

const networkA = makeNetwork('native', A);
for (let s = 0; s < WARMUP; s++) networkA.step();
measure('A fast', steps, networkA.step);

const networkB = makeNetwork('native', B);
for (let s = 0; s < WARMUP; s++) networkB.step();
measure('B fast', steps, networkB.step);

// Counter checks. Reference precision widens operands into float64 scratch buffers that grow
// on the first product of each larger size. So the first reference step must count, the steps
// after it must not, and a batch twice as large must count again.
init({ precision: 'reference' });
measure('B reference, first step', 1, networkB.step);
measure('B reference, later steps', 10, networkB.step);
const rows = 2 * B.batch;
const larger = new Matrix(rows, B.sizes[0], Float32Array.from(randomSample(rows * B.sizes[0])));
measure('B reference, larger batch', 1, () => networkB.predict(larger));

console.log(JSON.stringify({ objects, windows }));
