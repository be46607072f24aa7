// The fused Adam kernel of a layer must equal adamUpdate on the weights, then on the biases,
// bit for bit on each backend: it makes one call where the optimizer used to make two.
import { expect, it } from 'vitest';
import { describeBackends } from '../helpers/backends.js';
import { kernels } from '../../lib/backend/select.js';
import type { AdamScalars } from '../../lib/backend/kernels.js';
import { RandomState } from '../../lib/random.js';

function randomFloats(state: RandomState, count: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = state.nextGaussian();
  return out;
}

const HYPER: AdamScalars = {
  learningRate: 0.05,
  beta1: 0.9,
  oneMinusBeta1: 1 - 0.9,
  beta2: 0.999,
  oneMinusBeta2: 1 - 0.999,
  correction1: 1 - 0.9 ** 3,
  correction2: 1 - 0.999 ** 3,
  epsilon: 1e-7,
};

describeBackends('adamUpdateLayer', () => {
  it('equals two adamUpdate calls', () => {
    const state = new RandomState(7);
    // 128 weights and 64 biases, so the native kernels run full vectors and a tail.
    const sizes = [128, 64];
    const arrays = sizes.map((size) => [0, 1, 2, 3].map(() => randomFloats(state, size)));
    // The state arrays of Adam: momentums any sign, cache >= 0.
    for (const group of arrays) group[3] = group[3].map(Math.abs);
    const fused = arrays.map((group) => group.map((array) => array.slice()));
    const separate = arrays.map((group) => group.map((array) => array.slice()));

    const [w, b] = fused;
    kernels().adamUpdateLayer(w[0], w[1], w[2], w[3], b[0], b[1], b[2], b[3], HYPER);
    for (const [params, grads, momentums, cache] of separate) {
      kernels().adamUpdate(params, grads, momentums, cache, HYPER);
    }

    for (let group = 0; group < 2; group++) {
      for (const index of [0, 2, 3]) {
        expect(Array.from(fused[group][index])).toEqual(Array.from(separate[group][index]));
      }
    }
  });

  it('changes the parameters', () => {
    const state = new RandomState(8);
    const w = [0, 1, 2, 3].map(() => randomFloats(state, 6));
    const b = [0, 1, 2, 3].map(() => randomFloats(state, 3));
    w[3] = w[3].map(Math.abs);
    b[3] = b[3].map(Math.abs);
    const weightsBefore = Array.from(w[0]);
    const biasesBefore = Array.from(b[0]);
    kernels().adamUpdateLayer(w[0], w[1], w[2], w[3], b[0], b[1], b[2], b[3], HYPER);
    expect(Array.from(w[0])).not.toEqual(weightsBefore);
    expect(Array.from(b[0])).not.toEqual(biasesBefore);
  });
});
