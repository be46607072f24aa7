// Kernel-level checks against simple reference implementations written here from the rules in
// lib/backend/kernels.ts: NumPy's pairwise summation, float64 products rounded once, and the
// float32 element-wise formulas. Both backends run them; the js backend must match the
// references bit for bit, the native one within the float32 bound for products.
import { expect, it } from 'vitest';
import { describeBackends } from '../helpers/backends.js';
import { backendKernels } from '../../lib/backend/select.js';
import { RandomState } from '../../lib/random.js';

const f32 = Math.fround;

/** NumPy's pairwise float32 sum, written recursively from its definition. */
function referencePairwise(values: number[]): number {
  const n = values.length;
  if (n < 8) return values.reduce((sum, value, i) => (i === 0 ? value : f32(sum + value)), 0);
  if (n <= 128) {
    const partials = values.slice(0, 8);
    const whole = n - (n % 8);
    for (let i = 8; i < whole; i++) partials[i % 8] = f32(partials[i % 8] + values[i]);
    const [p0, p1, p2, p3, p4, p5, p6, p7] = partials;
    let sum = f32(f32(f32(p0 + p1) + f32(p2 + p3)) + f32(f32(p4 + p5) + f32(p6 + p7)));
    for (let i = whole; i < n; i++) sum = f32(sum + values[i]);
    return sum;
  }
  const half = Math.floor(n / 2) - (Math.floor(n / 2) % 8);
  return f32(referencePairwise(values.slice(0, half)) + referencePairwise(values.slice(half)));
}

function sequentialSum(values: number[]): number {
  return values.reduce((sum, value) => f32(sum + value), 0);
}

/** Float32 values of mixed magnitude, so that the summation order changes the result. */
function randomFloats(state: RandomState, count: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = state.nextGaussian() * 10 ** Math.floor(state.nextDouble() * 6 - 3);
  }
  return out;
}

/** op(A) · op(B) with a float64 accumulator, plus the sum of |a * b| for each entry. */
function naiveProduct(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
): { product: Float64Array; magnitude: Float64Array } {
  const product = new Float64Array(m * n);
  const magnitude = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      let abs = 0;
      for (let p = 0; p < k; p++) {
        const left = transA ? a[p * m + i] : a[i * k + p];
        const right = transB ? b[j * k + p] : b[p * n + j];
        sum += left * right;
        abs += Math.abs(left * right);
      }
      product[i * n + j] = sum;
      magnitude[i * n + j] = abs;
    }
  }
  return { product, magnitude };
}

const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 7],
  [17, 33, 65],
  [64, 3, 300],
  [130, 129, 128],
  [3, 600, 70],
];

describeBackends('kernels: sums and products', (backend) => {
  const kernels = backendKernels(backend);

  // The column sum of an N x 1 matrix shows the float32 sum itself. The mean divides it by N,
  // which can hide a last-bit difference, so both are checked. Another order often rounds to
  // the same bits on one array, so each length is tried on 40 arrays.
  it.each([7, 8, 9, 127, 128, 129, 1000])('pairwise sum of %i values', (count) => {
    const state = new RandomState(count);
    for (let trial = 0; trial < 40; trial++) {
      const values = Float32Array.from({ length: count }, () => 1 + state.nextDouble());
      const expected = referencePairwise(Array.from(values));

      const dbiases = new Float32Array(1);
      kernels.denseBackward(
        new Float32Array(count), new Float32Array(1), values, new Float32Array(1), dbiases,
        null, count, 1, 1, 'reference',
      );
      expect(dbiases[0]).toBe(expected);
      expect(kernels.mean(values)).toBe(f32(expected / count));
    }
  });

  it('pairwise order differs from sequential order', () => {
    // Guards the test above: on some of its arrays a left-to-right sum gives other bits.
    for (const count of [9, 127, 128, 129, 1000]) {
      const state = new RandomState(count);
      let differing = 0;
      for (let trial = 0; trial < 40; trial++) {
        const values = Array.from({ length: count }, () => f32(1 + state.nextDouble()));
        if (referencePairwise(values) !== sequentialSum(values)) differing++;
      }
      expect(differing).toBeGreaterThan(0);
    }
  });

  it.each(SHAPES)('gemm %i x %i x %i with every transpose flag', (m, n, k) => {
    const state = new RandomState(m * 1000 + n + k);
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        const a = randomFloats(state, m * k);
        const b = randomFloats(state, k * n);
        const c = new Float32Array(m * n).fill(NaN);
        kernels.gemm(transA, transB, m, n, k, a, b, c, 'reference');
        const { product, magnitude } = naiveProduct(transA, transB, m, n, k, a, b);

        const wrong: string[] = [];
        for (let x = 0; x < m * n; x++) {
          const exact = f32(product[x]);
          const bound = 2 * k * 2 ** -24 * magnitude[x];
          const ok = backend === 'js' ? c[x] === exact : Math.abs(c[x] - exact) <= bound;
          if (!ok) wrong.push(`transA=${transA} transB=${transB} [${x}] ${c[x]} vs ${exact}`);
        }
        expect(wrong.slice(0, 5)).toEqual([]);
      }
    }
  });

  it('gemm reads views with an offset', () => {
    const state = new RandomState(7);
    const buffer = randomFloats(state, 40);
    const a = buffer.subarray(5, 5 + 6);
    const b = buffer.subarray(13, 13 + 12);
    const c = new Float32Array(8);
    kernels.gemm(false, false, 2, 4, 3, a, b, c, 'reference');
    const { product } = naiveProduct(false, false, 2, 4, 3, a, b);
    expect(Array.from(c)).toEqual(Array.from(product, f32));
  });

  it('gemm with k = 0 writes zeros', () => {
    const c = new Float32Array(6).fill(5);
    kernels.gemm(false, false, 2, 3, 0, new Float32Array(0), new Float32Array(0), c, 'fast');
    expect(Array.from(c)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('dense backward sums one column pairwise', () => {
    const n = 300;
    const state = new RandomState(3);
    const inputs = randomFloats(state, n * 2);
    const dvalues = randomFloats(state, n);
    const dbiases = new Float32Array(1);
    kernels.denseBackward(
      inputs, new Float32Array(2), dvalues, new Float32Array(2), dbiases, null, n, 2, 1,
      'reference',
    );
    expect(dbiases[0]).toBe(referencePairwise(Array.from(dvalues)));
  });

  it('dense backward sums several columns row by row', () => {
    const n = 300;
    const o = 3;
    const state = new RandomState(4);
    const inputs = randomFloats(state, n * 2);
    const weights = randomFloats(state, 2 * o);
    const dvalues = randomFloats(state, n * o);
    const dweights = new Float32Array(2 * o);
    const dbiases = new Float32Array(o);
    const dinputs = new Float32Array(n * 2);
    kernels.denseBackward(
      inputs, weights, dvalues, dweights, dbiases, dinputs, n, 2, o, 'reference',
    );

    for (let j = 0; j < o; j++) {
      const column = Array.from({ length: n }, (_, r) => dvalues[r * o + j]);
      expect(dbiases[j]).toBe(sequentialSum(column));
    }
    if (backend === 'js') {
      expect(Array.from(dweights)).toEqual(
        Array.from(naiveProduct(true, false, 2, o, n, inputs, dvalues).product, f32),
      );
      expect(Array.from(dinputs)).toEqual(
        Array.from(naiveProduct(false, true, n, 2, o, dvalues, weights).product, f32),
      );
    }
  });

  it('dense forward adds the bias in float32', () => {
    const state = new RandomState(5);
    const inputs = randomFloats(state, 4 * 3);
    const weights = randomFloats(state, 3 * 2);
    const biases = randomFloats(state, 2);
    const output = new Float32Array(4 * 2);
    kernels.denseForward(inputs, weights, biases, output, 4, 3, 2, 'reference');
    const { product } = naiveProduct(false, false, 4, 2, 3, inputs, weights);
    const expected = Array.from(product, (value, x) => f32(f32(value) + biases[x % 2]));
    expect(Array.from(output)).toEqual(expected);
  });
});

describeBackends('kernels: activations and losses', (backend) => {
  const kernels = backendKernels(backend);

  it('softmax follows the float32 formula', () => {
    const c = 5;
    const inputs = randomFloats(new RandomState(11), 3 * c);
    const output = new Float32Array(3 * c);
    kernels.softmaxForward(inputs, output, 3, c);
    for (let r = 0; r < 3; r++) {
      const row = Array.from(inputs.subarray(r * c, (r + 1) * c));
      const max = Math.max(...row);
      const e = row.map((x) => f32(Math.exp(f32(x - max))));
      const sum = referencePairwise(e);
      expect(Array.from(output.subarray(r * c, (r + 1) * c))).toEqual(e.map((v) => f32(v / sum)));
    }
  });

  it('softmax handles NaN, infinite and huge rows', () => {
    const inputs = Float32Array.from([
      1, NaN, 2,
      Infinity, 0, Infinity,
      3.4e38, -3.4e38, -3.4e38,
      -Infinity, 0, 1,
    ]);
    const output = new Float32Array(12);
    kernels.softmaxForward(inputs, output, 4, 3);
    expect(Array.from(output.subarray(0, 3))).toEqual([NaN, NaN, NaN]);
    expect(Array.from(output.subarray(3, 6))).toEqual([0.5, 0, 0.5]);
    expect(Array.from(output.subarray(6, 9))).toEqual([1, 0, 0]);
    const e = [f32(Math.exp(-1)), 1];
    const sum = f32(e[0] + e[1]);
    expect(Array.from(output.subarray(9, 12))).toEqual([0, f32(e[0] / sum), f32(1 / sum)]);
  });

  it('softmax backward is s * (d - dot)', () => {
    const c = 4;
    const state = new RandomState(12);
    const s = randomFloats(state, 2 * c);
    const d = randomFloats(state, 2 * c);
    const dinputs = new Float32Array(2 * c);
    kernels.softmaxBackward(s, d, dinputs, 2, c);
    for (let r = 0; r < 2; r++) {
      let dot = 0;
      for (let j = 0; j < c; j++) dot = f32(dot + f32(s[r * c + j] * d[r * c + j]));
      for (let j = 0; j < c; j++) {
        const x = r * c + j;
        expect(dinputs[x]).toBe(f32(s[x] * f32(d[x] - dot)));
      }
    }
  });

  it('ReLU keeps positives and zeroes the rest', () => {
    const inputs = Float32Array.from([-2, -0, 0, 0.5, 3]);
    const output = new Float32Array(5);
    kernels.reluForward(inputs, output);
    expect(Array.from(output)).toEqual([0, 0, 0, 0.5, 3]);
    const dinputs = new Float32Array(5);
    kernels.reluBackward(inputs, Float32Array.from([1, 2, 3, 4, 5]), dinputs);
    expect(Array.from(dinputs)).toEqual([0, 0, 0, 4, 5]);
  });

  it('cross-entropy clips and takes -log', () => {
    const predictions = Float32Array.from([0, 1, 0.25, 0.5]);
    const losses = new Float32Array(2);
    kernels.crossEntropyForward(predictions, Int32Array.from([0, 1]), null, losses, 2, 2);
    expect(losses[0]).toBe(f32(-Math.log(f32(1e-7))));
    expect(losses[1]).toBe(f32(-Math.log(0.5)));

    const oneHot = Float32Array.from([1, 0, 0, 1]);
    const fromOneHot = new Float32Array(2);
    kernels.crossEntropyForward(predictions, null, oneHot, fromOneHot, 2, 2);
    expect(Array.from(fromOneHot)).toEqual(Array.from(losses));
  });

  it('cross-entropy backward keeps -0 off the true class', () => {
    const predictions = Float32Array.from([0, 1, 0.25, 0.5]);
    const dinputs = new Float32Array(4);
    kernels.crossEntropyBackward(predictions, Int32Array.from([0, 1]), null, dinputs, 2, 2);
    expect(dinputs[0]).toBe(f32(f32(-1 / f32(1e-7)) / 2));
    expect(Object.is(dinputs[1], -0)).toBe(true);
    expect(Object.is(dinputs[2], -0)).toBe(true);
    expect(dinputs[3]).toBe(f32(-2 / 2));
  });

  it('combined backward subtracts one and divides', () => {
    const state = new RandomState(13);
    const dvalues = randomFloats(state, 3 * 3);
    const labels = Int32Array.from([2, 0, 1]);
    const dinputs = new Float32Array(9);
    kernels.softmaxCrossEntropyBackward(dvalues, labels, null, dinputs, 3, 3);
    const expected = Array.from(dvalues, (v, x) =>
      f32((x % 3 === labels[Math.floor(x / 3)] ? f32(v - 1) : v) / 3),
    );
    expect(Array.from(dinputs)).toEqual(expected);

    const oneHot = Float32Array.from([0, 0, 1, 1, 0, 0, 0, 1, 0]);
    const fromOneHot = new Float32Array(9);
    kernels.softmaxCrossEntropyBackward(dvalues, null, oneHot, fromOneHot, 3, 3);
    expect(Array.from(fromOneHot)).toEqual(expected);
  });

  it('argmax takes the first maximum', () => {
    const out = new Int32Array(3);
    kernels.argmax(Float32Array.from([1, 3, 3, 5, 5, 0, -1, -1, -1]), out, 3, 3);
    expect(Array.from(out)).toEqual([1, 0, 0]);
  });
});
