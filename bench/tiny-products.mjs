// Tiny square products through each backend's gemm: below some size the cost of one call into
// the addon outweighs the arithmetic, and the js kernel wins. Reports that crossover size.
import { expectArraysClose, innerFor, measure } from './harness.mjs';

export const name = 'tiny-products';

const SIZES = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32];

export function run({ native, js, repeats }) {
  if (native === null) return { rows: [], targets: [], notes: ['no native backend: skipped'] };
  native.setNumThreads(1);
  const rows = [];
  let crossover = null;
  for (const size of SIZES) {
    const a = new Float32Array(size * size).map((_, x) => ((x * 7919) % 1000) / 1000);
    const b = new Float32Array(size * size).map((_, x) => ((x * 104729) % 1000) / 1000);
    const cNative = new Float32Array(size * size);
    const cJs = new Float32Array(size * size);
    const callNative = () => native.gemm(false, false, size, size, size, a, b, cNative, 'fast');
    const callJs = () => js.gemm(false, false, size, size, size, a, b, cJs, 'fast');
    callNative();
    callJs();
    expectArraysClose(`tiny gemm ${size} native vs js`, cNative, cJs, 2 * size * 2 ** -24, 0);
    const nativeTime = measure(callNative, { inner: innerFor(callNative, 0.005), repeats });
    const jsTime = measure(callJs, { inner: innerFor(callJs, 0.005), repeats });
    if (crossover === null && nativeTime.median < jsTime.median) crossover = size;
    rows.push({ variant: `${size} x ${size} x ${size}`, native: nativeTime, js: jsTime });
  }
  const notes = [
    crossover === null
      ? `js is faster than a native call at every size up to ${SIZES.at(-1)}`
      : `native wins from ${crossover} x ${crossover} x ${crossover} on; js wins below`,
  ];
  return { rows, targets: [], notes, crossover };
}
