// The native kernels of chapters 14 to 17 against the js twin on seeded random inputs, at sizes
// around the SIMD widths and at every SIMD level of this CPU: identical results or within 1e-6
// relative, as for the chapter 9 kernels.
import { afterAll, describe, expect, it } from 'vitest';
import type { Kernels } from '../../lib/backend/kernels.js';
import { loadNativeKernels, type SimdLevel } from '../../lib/backend/native.js';
import { backendKernels } from '../../lib/backend/select.js';
import { randomFloats, uniformSource } from './random-arrays.js';

const native = loadNativeKernels();
const js: Kernels = backendKernels('js');
const SIZES = [1, 3, 7, 8, 9, 15, 16, 17, 33, 200];
const initialLevel = native.getSimdLevel();

afterAll(() => native.setSimdLevel(initialLevel));

function mismatches(actual: ArrayLike<number>, expected: ArrayLike<number>): number[] {
  const bad: number[] = [];
  for (let index = 0; index < expected.length; index++) {
    const a = actual[index];
    const e = expected[index];
    if (Object.is(a, e) || (Number.isNaN(a) && Number.isNaN(e))) continue;
    if (Math.abs(a - e) <= 1e-6 * Math.max(Math.abs(a), Math.abs(e))) continue;
    bad.push(index);
  }
  return bad;
}

/** Runs `call` with both backends on fresh zeroed outputs and returns both outputs. */
function both(length: number, call: (kernels: Kernels, out: Float32Array) => void) {
  const nativeOut = new Float32Array(length);
  const jsOut = new Float32Array(length);
  call(native, nativeOut);
  call(js, jsOut);
  return { nativeOut, jsOut };
}

describe.each(native.simdLevels())('native vs js, chapters 14 to 17 [%s]', (level) => {
  const useLevel = (): void => native.setSimdLevel(level as SimdLevel);

  it.each(SIZES)('sigmoid forward and backward, %i values', (size) => {
    useLevel();
    const next = uniformSource(size);
    const inputs = randomFloats(next, size, -100, 100);
    const dvalues = randomFloats(next, size);
    const forward = both(size, (k, out) => k.sigmoidForward(inputs, out));
    expect(mismatches(forward.nativeOut, forward.jsOut)).toEqual([]);
    const backward = both(size, (k, out) => k.sigmoidBackward(forward.jsOut, dvalues, out));
    expect(mismatches(backward.nativeOut, backward.jsOut)).toEqual([]);
  });

  const losses = [
    ['binaryCrossEntropy', 0, 1],
    ['meanSquaredError', -3, 3],
    ['meanAbsoluteError', -3, 3],
  ] as const;
  describe.each(losses)('%s', (name, low, high) => {
    it.each(SIZES)('%i outputs per row', (k) => {
      useLevel();
      const n = 5;
      const next = uniformSource(300 + k);
      const predictions = randomFloats(next, n * k, low, high);
      const targets = randomFloats(next, n * k, low, high);
      if (name === 'binaryCrossEntropy') {
        // Exact 0 and 1 exercise the clipping; rounded targets are the usual 0/1 labels.
        predictions[0] = 0;
        if (n * k > 1) predictions[1] = 1;
        for (let i = 0; i < targets.length; i += 2) targets[i] = Math.round(targets[i]);
      }
      const forward = both(n, (kernels, out) =>
        kernels[`${name}Forward`](predictions, targets, out, n, k));
      expect(mismatches(forward.nativeOut, forward.jsOut)).toEqual([]);
      const backward = both(n * k, (kernels, out) =>
        kernels[`${name}Backward`](predictions, targets, out, n, k));
      expect(mismatches(backward.nativeOut, backward.jsOut)).toEqual([]);
    });
  });

  it.each(SIZES)('dropout product, %i values', (size) => {
    useLevel();
    const next = uniformSource(500 + size);
    const values = randomFloats(next, size);
    const mask = randomFloats(next, size, 0, 1).map((u) => (u < 0.2 ? 0 : Math.fround(1 / 0.8)));
    const result = both(size, (k, out) => k.dropoutApply(values, mask, out));
    expect(mismatches(result.nativeOut, result.jsOut)).toEqual([]);
  });

  it.each(SIZES)('regularization loss and gradient, %i values', (size) => {
    useLevel();
    const next = uniformSource(700 + size);
    const params = randomFloats(next, size);
    if (size > 2) params[2] = 0;
    const grads = randomFloats(next, size);
    for (const [l1, l2] of [[5e-4, 0], [0, 5e-4], [1e-3, 2e-3]]) {
      const nativeLoss = native.regularizationLoss(params, l1, l2, 0.25);
      const jsLoss = js.regularizationLoss(params, l1, l2, 0.25);
      expect(mismatches([nativeLoss], [jsLoss])).toEqual([]);
      const result = both(size, (k, out) => {
        out.set(grads);
        k.regularizationBackward(params, out, l1, l2);
      });
      expect(mismatches(result.nativeOut, result.jsOut)).toEqual([]);
    }
  });
});

describe('native boundary checks, chapters 14 to 17', () => {
  it('rejects a short targets array', () => {
    const call = () => native.meanSquaredErrorForward(
      new Float32Array(6), new Float32Array(5), new Float32Array(3), 3, 2,
    );
    expect(call).toThrow(RangeError);
    expect(call).toThrow(/meanSquaredErrorForward: targets has length 5, expected 6/);
  });

  it('rejects a negative strength', () => {
    const call = () => native.regularizationBackward(
      new Float32Array(2), new Float32Array(2), -1, 0,
    );
    expect(call).toThrow(/regularizationBackward: l1 must be a finite number >= 0/);
  });

  it('rejects a mask of another length', () => {
    const call = () => native.dropoutApply(
      new Float32Array(4), new Float32Array(3), new Float32Array(4),
    );
    expect(call).toThrow(RangeError);
  });

  it('rejects a Float64Array for sigmoid', () => {
    const call = () => native.sigmoidForward(
      new Float64Array(2) as unknown as Float32Array, new Float32Array(2),
    );
    expect(call).toThrow(TypeError);
  });
});
