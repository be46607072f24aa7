import { expect, it } from 'vitest';
import { kernels } from '../../lib/backend/select.js';
import { describeBackends } from '../helpers/backends.js';

// NumPy 2.4: np.sum of float32 -0 values is +0 (the reduction starts from +0), both for a
// contiguous run (np.mean, a column of one) and for np.sum(axis=0) over several columns.
describeBackends('sums of negative zero', () => {
  it('mean of -0 runs is +0', () => {
    for (const length of [3, 9, 200]) {
      const mean = kernels().mean(new Float32Array(length).fill(-0));
      expect(Object.is(mean, 0)).toBe(true);
    }
  });

  it('bias gradient of -0 columns is +0', () => {
    for (const o of [1, 2]) {
      const n = 3;
      const dvalues = new Float32Array(n * o).fill(-0);
      const dbiases = new Float32Array(o).fill(Number.NaN);
      kernels().denseBackward(
        new Float32Array(n), new Float32Array(o), dvalues, new Float32Array(o), dbiases, null,
        n, 1, o, 'fast',
      );
      for (const value of dbiases) expect(Object.is(value, 0)).toBe(true);
    }
  });
});
