// The native kernels against the js twin on seeded random inputs. Products must agree within the
// float32 bound for a length-k dot product in any order. Element-wise results must be identical
// or within 1e-6 relative, at sizes around the SIMD widths and at every SIMD level of this CPU.
import { afterAll, describe, expect, it } from 'vitest';
import { backendKernels } from '../../lib/backend/select.js';
import { loadNativeKernels, type SimdLevel } from '../../lib/backend/native.js';
import type { Kernels, Precision } from '../../lib/backend/kernels.js';
import { randomFloats, randomLabels, uniformSource } from './random-arrays.js';

const native = loadNativeKernels();
const js: Kernels = backendKernels('js');
const SIZES = [1, 3, 7, 8, 9, 15, 16, 17, 33, 1000];
const initialLevel = native.getSimdLevel();

afterAll(() => native.setSimdLevel(initialLevel));

/** Indices where two arrays differ by more than 1e-6 relative (NaN matches only NaN). */
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

/** Runs both backends on fresh copies of the same arrays and returns the written arrays. */
function runBoth<T extends (Float32Array | Int32Array)[]>(
  make: () => T,
  call: (kernels: Kernels, arrays: T) => void,
): { native: T; js: T } {
  const nativeArrays = make();
  const jsArrays = make();
  call(native, nativeArrays);
  call(js, jsArrays);
  return { native: nativeArrays, js: jsArrays };
}

describe.each(native.simdLevels())('native vs js element-wise kernels [%s]', (level) => {
  const useLevel = (): void => native.setSimdLevel(level as SimdLevel);

  it.each(SIZES)('relu forward and backward, %i values', (size) => {
    useLevel();
    const next = uniformSource(size);
    const inputs = randomFloats(next, size);
    const dvalues = randomFloats(next, size);
    const forward = runBoth(
      () => [new Float32Array(size)],
      (k, [output]) => k.reluForward(inputs, output),
    );
    expect(mismatches(forward.native[0], forward.js[0])).toEqual([]);
    const backward = runBoth(
      () => [new Float32Array(size)],
      (k, [dinputs]) => k.reluBackward(inputs, dvalues, dinputs),
    );
    expect(mismatches(backward.native[0], backward.js[0])).toEqual([]);
  });

  it.each(SIZES)('softmax forward and backward, rows of %i', (c) => {
    useLevel();
    const n = 5;
    const next = uniformSource(100 + c);
    const inputs = randomFloats(next, n * c, -20, 20);
    const dvalues = randomFloats(next, n * c);
    const forward = runBoth(
      () => [new Float32Array(n * c)],
      (k, [output]) => k.softmaxForward(inputs, output, n, c),
    );
    expect(mismatches(forward.native[0], forward.js[0])).toEqual([]);
    const output = forward.js[0];
    const backward = runBoth(
      () => [new Float32Array(n * c)],
      (k, [dinputs]) => k.softmaxBackward(output, dvalues, dinputs, n, c),
    );
    expect(mismatches(backward.native[0], backward.js[0])).toEqual([]);
  });

  it.each(SIZES)('losses and argmax, %i classes', (c) => {
    useLevel();
    const n = 9;
    const next = uniformSource(200 + c);
    const predictions = randomFloats(next, n * c, 0, 1);
    predictions[0] = 0; // exercises the clip at 1e-7
    const labels = randomLabels(next, n, c);
    const oneHot = new Float32Array(n * c);
    labels.forEach((label, row) => (oneHot[row * c + label] = 1));

    for (const [ints, hot] of [
      [labels, null],
      [null, oneHot],
    ] as const) {
      const forward = runBoth(
        () => [new Float32Array(n)],
        (k, [losses]) => k.crossEntropyForward(predictions, ints, hot, losses, n, c),
      );
      expect(mismatches(forward.native[0], forward.js[0])).toEqual([]);
      const backward = runBoth(
        () => [new Float32Array(n * c)],
        (k, [dinputs]) => k.crossEntropyBackward(predictions, ints, hot, dinputs, n, c),
      );
      expect(mismatches(backward.native[0], backward.js[0])).toEqual([]);
      const combined = runBoth(
        () => [new Float32Array(n * c)],
        (k, [dinputs]) => k.softmaxCrossEntropyBackward(predictions, ints, hot, dinputs, n, c),
      );
      expect(mismatches(combined.native[0], combined.js[0])).toEqual([]);
    }

    const argmax = runBoth(
      () => [new Int32Array(n)],
      (k, [out]) => k.argmax(predictions, out, n, c),
    );
    expect(Array.from(argmax.native[0])).toEqual(Array.from(argmax.js[0]));
  });

  it.each([...SIZES, 129, 300, 1031])('mean of %i values', (size) => {
    useLevel();
    const values = randomFloats(uniformSource(300 + size), size, 0, 3);
    expect(native.mean(values)).toBe(js.mean(values));
  });

  it.each(SIZES)('optimizer updates, %i parameters', (size) => {
    useLevel();
    const next = uniformSource(400 + size);
    const params = randomFloats(next, size);
    const grads = randomFloats(next, size, -0.1, 0.1);
    const state = randomFloats(next, size, 0, 0.01);
    const copies = (): Float32Array[] => [params.slice(), state.slice(), state.slice()];
    const hyper = {
      learningRate: 0.05,
      beta1: 0.9,
      oneMinusBeta1: 1 - 0.9,
      beta2: 0.999,
      oneMinusBeta2: 1 - 0.999,
      correction1: 1 - 0.9 ** 3,
      correction2: 1 - 0.999 ** 3,
      epsilon: 1e-7,
    };
    const updates: [string, (k: Kernels, arrays: Float32Array[]) => void][] = [
      ['sgd', (k, [p]) => k.sgdUpdate(p, grads, null, 1.0, 0)],
      ['sgd momentum', (k, [p, m]) => k.sgdUpdate(p, grads, m, 0.5, 0.9)],
      ['adagrad', (k, [p, c]) => k.adagradUpdate(p, grads, c, 1.0, 1e-7)],
      ['rmsprop', (k, [p, c]) => k.rmspropUpdate(p, grads, c, 0.02, 0.999, 1 - 0.999, 1e-7)],
      ['adam', (k, [p, m, v]) => k.adamUpdate(p, grads, m, v, hyper)],
    ];
    for (const [name, update] of updates) {
      const result = runBoth(copies, update);
      for (let array = 0; array < 3; array++) {
        expect(mismatches(result.native[array], result.js[array]), name).toEqual([]);
      }
    }
  });
});

/** Returns the entries where the two products differ by more than 2 k 2^-24 sum |a_i b_i|. */
function checkProduct(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  nativeC: Float32Array,
  jsC: Float32Array,
): number[] {
  const bad: number[] = [];
  for (let row = 0; row < m; row++) {
    for (let col = 0; col < n; col++) {
      let magnitude = 0;
      for (let inner = 0; inner < k; inner++) {
        const x = transA ? a[inner * m + row] : a[row * k + inner];
        const y = transB ? b[col * k + inner] : b[inner * n + col];
        magnitude += Math.abs(x * y);
      }
      const bound = 2 * k * 2 ** -24 * magnitude;
      const index = row * n + col;
      if (!(Math.abs(nativeC[index] - jsC[index]) <= bound)) bad.push(index);
    }
  }
  return bad;
}

const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [1, 1, 1000],
  [1000, 1, 1],
  [7, 5, 13],
  [257, 65, 129],
];

describe('native vs js products', () => {
  for (const [m, n, k] of SHAPES) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const precision of ['fast', 'reference'] as Precision[]) {
          const title = `gemm ${m}x${k} by ${k}x${n}, transA ${transA}, transB ${transB}`;
          it(`${title}, ${precision}`, () => {
            const next = uniformSource(m * 7 + n * 11 + k);
            const a = randomFloats(next, m * k);
            const b = randomFloats(next, k * n);
            const result = runBoth(
              () => [new Float32Array(m * n)],
              (kernels, [c]) => kernels.gemm(transA, transB, m, n, k, a, b, c, precision),
            );
            expect(checkProduct(transA, transB, m, n, k, a, b, result.native[0], result.js[0]))
              .toEqual([]);
          });
        }
      }
    }
  }

  it.each(['fast', 'reference'] as Precision[])('dense forward and backward, %s', (precision) => {
    const [n, i, o] = [33, 17, 9];
    const next = uniformSource(500);
    const inputs = randomFloats(next, n * i);
    const weights = randomFloats(next, i * o);
    const biases = randomFloats(next, o);
    const dvalues = randomFloats(next, n * o);

    const forward = runBoth(
      () => [new Float32Array(n * o)],
      (k, [output]) => k.denseForward(inputs, weights, biases, output, n, i, o, precision),
    );
    // The bias is one more term of each dot product: a row of ones appended to the inputs.
    const withOnes = new Float32Array(n * (i + 1));
    const withBiases = new Float32Array((i + 1) * o);
    for (let row = 0; row < n; row++) {
      withOnes.set(inputs.subarray(row * i, row * i + i), row * (i + 1));
      withOnes[row * (i + 1) + i] = 1;
    }
    withBiases.set(weights);
    withBiases.set(biases, i * o);
    const [nativeOutput, jsOutput] = [forward.native[0], forward.js[0]];
    expect(checkProduct(false, false, n, o, i + 1, withOnes, withBiases, nativeOutput, jsOutput))
      .toEqual([]);
    const backward = runBoth(
      () => [new Float32Array(i * o), new Float32Array(o), new Float32Array(n * i)],
      (k, [dweights, dbiases, dinputs]) =>
        k.denseBackward(inputs, weights, dvalues, dweights, dbiases, dinputs, n, i, o, precision),
    );
    // Column sums follow one fixed order in both backends, so they match exactly.
    expect(Array.from(backward.native[1])).toEqual(Array.from(backward.js[1]));
    expect(checkProduct(true, false, i, o, n, inputs, dvalues, backward.native[0], backward.js[0]))
      .toEqual([]);
    expect(checkProduct(false, true, n, i, o, dvalues, weights, backward.native[2], backward.js[2]))
      .toEqual([]);
  });
});
