// Square matrix products C = A · B of 64, 256 and 1024, on one thread: the kernel alone, with
// no layer around it.
import { expectArraysClose, innerFor, measure, runNumpy } from './harness.mjs';

export const name = 'gemm-square';

const SIZES = [64, 256, 1024];

function operands(size) {
  const a = new Float32Array(size * size).map((_, x) => ((x * 7919) % 1000) / 1000);
  const b = new Float32Array(size * size).map((_, x) => ((x * 104729) % 1000) / 1000);
  return { a, b };
}

export function run({ native, js, repeats }) {
  if (native !== null) native.setNumThreads(1);
  const rows = [];
  for (const size of SIZES) {
    const { a, b } = operands(size);
    const cNative = new Float32Array(size * size);
    const cJs = new Float32Array(size * size);
    const callJs = () => js.gemm(false, false, size, size, size, a, b, cJs, 'fast');
    callJs();
    let nativeTime = null;
    if (native !== null) {
      const callNative = () => native.gemm(false, false, size, size, size, a, b, cNative, 'fast');
      callNative();
      // Entries are sums of `size` products of values in [0, 1): the float32 dot-product bound
      // 2 k 2^-24 sum|a b| is below 2 k 2^-24 times the entry itself.
      expectArraysClose(`gemm ${size} native vs js`, cNative, cJs, 2 * size * 2 ** -24, 0);
      nativeTime = measure(callNative, { inner: innerFor(callNative), repeats });
    }
    const jsRepeats = size >= 1024 ? 3 : repeats;
    const jsTime = measure(callJs, { inner: innerFor(callJs), repeats: jsRepeats, warmup: 1 });
    const numpy = runNumpy('gemm', { size, repeats });
    rows.push({
      variant: `${size} x ${size} x ${size}`, native: nativeTime, js: jsTime, floor: null,
      numpy: numpy?.float32 ?? null, book: numpy?.book ?? null,
    });
  }
  return { rows, targets: [] };
}
