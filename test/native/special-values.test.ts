// Inputs with a known exact result, on both backends: softmax rows with overflow, ties,
// infinities and NaN, and a product whose float32 and float64 sums differ.
import { expect, it } from 'vitest';
import { backendKernels } from '../../lib/backend/select.js';
import { describeBackends } from '../helpers/backends.js';

function softmaxRow(backend: 'native' | 'js', row: number[]): number[] {
  const output = new Float32Array(row.length);
  backendKernels(backend).softmaxForward(Float32Array.from(row), output, 1, row.length);
  return Array.from(output);
}

describeBackends('softmax edge rows', (backend) => {
  it('gives [1, 0] when x - max overflows', () => {
    expect(softmaxRow(backend, [3.4e38, -3.4e38])).toEqual([1, 0]);
  });

  it('halves two equal huge values', () => {
    expect(softmaxRow(backend, [1e30, 1e30])).toEqual([0.5, 0.5]);
  });

  it('gives thirds for three equal values', () => {
    expect(softmaxRow(backend, [-1000, -1000, -1000])).toEqual(Array(3).fill(Math.fround(1 / 3)));
  });

  it('shares the mass among +Infinity entries', () => {
    expect(softmaxRow(backend, [Infinity, 1, Infinity, -Infinity])).toEqual([0.5, 0, 0.5, 0]);
  });

  it('makes a row with NaN all NaN', () => {
    const row = softmaxRow(backend, [1, Number.NaN, 2]);
    expect(row.every(Number.isNaN)).toBe(true);
  });

  it('makes a row of -Infinity all NaN', () => {
    const row = softmaxRow(backend, [-Infinity, -Infinity]);
    expect(row.every(Number.isNaN)).toBe(true);
  });

  it('gives 0 for -Infinity beside finite values', () => {
    expect(softmaxRow(backend, [0, -Infinity])).toEqual([1, 0]);
  });
});

describeBackends('vector product of 1000 values', (backend) => {
  // Each product is 1.0000002384185791 in float64; the float64 sum rounds to 1000.000244140625.
  const values = new Float32Array(1000).fill(1.0000001192092896);
  const expected = 1000.000244140625;

  it('stays within 2.5e-4 of the exact sum in fast precision', () => {
    const c = new Float32Array(1);
    backendKernels(backend).gemm(false, false, 1, 1, 1000, values, values, c, 'fast');
    expect(Math.abs(c[0] - expected)).toBeLessThanOrEqual(2.5e-4);
  });

  it('equals the float64 sum rounded once in reference precision', () => {
    const c = new Float32Array(1);
    backendKernels(backend).gemm(false, false, 1, 1, 1000, values, values, c, 'reference');
    expect(c[0]).toBe(expected);
  });
});
