// ReLU on every class of float32 value, including the sign-bit NaN that x64 arithmetic produces
// (0xffc00000), since the js kernels work on bit patterns. Expected values follow the
// definitions: forward is max(0, x) with NaN kept and -0 turned into +0, and backward passes
// dvalues where the input is not <= 0.
import { expect, it } from 'vitest';
import { kernels } from '../../lib/backend/select.js';
import { describeBackends } from '../helpers/backends.js';

/** Inputs of every sign, zero, subnormal, infinity and NaN, with both NaN signs. */
function specialInputs(): Float32Array {
  const values = [
    0, -0, 1e-45, -1e-45, 1.5, -1.5, 3.4e38, -3.4e38, Infinity, -Infinity, NaN, NaN,
  ];
  const inputs = Float32Array.from(values);
  // The last entry becomes a NaN with the sign bit set.
  new Uint32Array(inputs.buffer)[values.length - 1] = 0xffc00000;
  return inputs;
}

describeBackends('ReLU special values', () => {
  it('forward keeps NaN and clears the rest', () => {
    const inputs = specialInputs();
    const output = new Float32Array(inputs.length).fill(7);
    kernels().reluForward(inputs, output);
    for (let x = 0; x < inputs.length; x++) {
      const value = inputs[x];
      let expected = value > 0 ? value : 0;
      if (Number.isNaN(value)) expected = NaN;
      expect(Object.is(output[x], expected), `entry ${x}: ${value} -> ${output[x]}`).toBe(true);
    }
  });

  it('backward blocks inputs <= 0 only', () => {
    const inputs = specialInputs();
    const dvalues = Float32Array.from(inputs, (_, x) => x + 1);
    const dinputs = new Float32Array(inputs.length).fill(7);
    kernels().reluBackward(inputs, dvalues, dinputs);
    for (let x = 0; x < inputs.length; x++) {
      const expected = inputs[x] <= 0 ? 0 : dvalues[x];
      expect(Object.is(dinputs[x], expected), `entry ${x}: ${inputs[x]}`).toBe(true);
    }
  });
});
