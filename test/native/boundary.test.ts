// Misuse at the Node-API boundary: every wrong argument throws the right class with a message
// naming the kernel and the argument, and the process survives.
import { describe, expect, it } from 'vitest';
import { loadNativeKernels } from '../../lib/backend/native.js';
import { offsetView } from './random-arrays.js';

const native = loadNativeKernels();
const f32 = (length: number): Float32Array => new Float32Array(length);

describe('native boundary: wrong types', () => {
  it('rejects a Float64Array where a Float32Array is needed', () => {
    const call = (): void => native.reluForward(new Float64Array(3) as never, f32(3));
    expect(call).toThrow(TypeError);
    expect(call).toThrow(
      'reluForward: inputs must be a Float32Array, got Float64Array of length 3',
    );
  });

  it('rejects a plain array', () => {
    const call = (): void => native.softmaxForward([1, 2] as never, f32(2), 1, 2);
    expect(call).toThrow(TypeError);
    expect(call).toThrow('softmaxForward: inputs must be a Float32Array, got an array of length 2');
  });

  it('rejects a Float32Array where labels are needed', () => {
    const call = (): void =>
      native.crossEntropyForward(f32(6), f32(2) as never, null, f32(2), 2, 3);
    expect(call).toThrow(TypeError);
    expect(call).toThrow('crossEntropyForward: labels must be a Int32Array or null');
  });

  it('rejects a string dimension', () => {
    const call = (): void => native.argmax(f32(6), new Int32Array(2), '2' as never, 3);
    expect(call).toThrow(TypeError);
    expect(call).toThrow('argmax: n must be an integer, got a string');
  });

  it('rejects a number where a boolean flag is needed', () => {
    const call = (): void =>
      native.gemm(1 as never, false, 1, 1, 1, f32(1), f32(1), f32(1), 'fast');
    expect(call).toThrow(TypeError);
    expect(call).toThrow('gemm: transA must be a boolean, got number 1');
  });

  it('rejects missing arguments', () => {
    const call = (): void => {
      (native.mean as unknown as () => number)();
    };
    expect(call).toThrow(TypeError);
    expect(call).toThrow('mean: expected 1 arguments, got 0');
  });

  it('rejects both label forms at once', () => {
    const call = (): void =>
      native.crossEntropyBackward(f32(6), new Int32Array(2), f32(6), f32(6), 2, 3);
    expect(call).toThrow(TypeError);
    expect(call).toThrow('exactly one of labels and oneHot must be non-null, got both non-null');
  });

  it('rejects a detached buffer', () => {
    const inputs = f32(4);
    structuredClone(inputs.buffer, { transfer: [inputs.buffer as ArrayBuffer] });
    const call = (): void => native.reluForward(inputs, f32(0));
    expect(call).toThrow(TypeError);
    expect(call).toThrow('reluForward: inputs is backed by a detached ArrayBuffer');
  });

  it('rejects an Adam scalar that is not a number', () => {
    const hyper = {
      learningRate: 0.001,
      beta1: 0.9,
      oneMinusBeta1: 0.1,
      beta2: 0.999,
      oneMinusBeta2: 0.001,
      correction1: 0.1,
      correction2: 0.001,
      epsilon: '1e-7',
    };
    const call = (): void => native.adamUpdate(f32(2), f32(2), f32(2), f32(2), hyper as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow('adamUpdate: hyper.epsilon must be a number, got a string');
  });
});

describe('native boundary: wrong lengths and values', () => {
  it('rejects a short Adam bias cache and changes nothing', () => {
    const weights = f32(4).fill(1);
    const biases = f32(2).fill(1);
    const hyper = new Float64Array([0.001, 0.9, 0.1, 0.999, 0.001, 0.1, 0.001, 1e-7]);
    const call = (): void => native.adamUpdateLayer(
      weights, f32(4).fill(0.5), f32(4), f32(4), biases, f32(2).fill(0.5), f32(2), f32(1),
      hyper as never,
    );
    expect(call).toThrow(RangeError);
    expect(call).toThrow('adamUpdateLayer: biasCache has length 1, expected 2');
    expect(Array.from(weights)).toEqual([1, 1, 1, 1]);
    expect(Array.from(biases)).toEqual([1, 1]);
  });

  it('rejects a short gemm operand', () => {
    const call = (): void => native.gemm(false, false, 2, 3, 4, f32(7), f32(12), f32(6), 'fast');
    expect(call).toThrow(RangeError);
    expect(call).toThrow('gemm: a has length 7, expected 8 (m x k = 2 x 4)');
  });

  it('rejects a long dense output', () => {
    const call = (): void => native.denseForward(f32(6), f32(4), f32(2), f32(5), 3, 2, 2, 'fast');
    expect(call).toThrow(RangeError);
    expect(call).toThrow('denseForward: output has length 5, expected 6 (n x o = 3 x 2)');
  });

  it('rejects a short dinputs in denseBackward', () => {
    const call = (): void =>
      native.denseBackward(f32(6), f32(4), f32(6), f32(4), f32(2), f32(5), 3, 2, 2, 'reference');
    expect(call).toThrow(RangeError);
    expect(call).toThrow('denseBackward: dinputs has length 5, expected 6 (n x i = 3 x 2)');
  });

  it('rejects negative and fractional dimensions', () => {
    const negative = (): void => native.softmaxForward(f32(0), f32(0), -1, 3);
    expect(negative).toThrow(RangeError);
    expect(negative).toThrow('softmaxForward: n must be an integer in [0, 2147483647], got -1');
    const fractional = (): void => native.softmaxForward(f32(3), f32(3), 1.5, 2);
    expect(fractional).toThrow(RangeError);
    expect(fractional).toThrow('softmaxForward: n must be an integer in [0, 2147483647], got 1.5');
  });

  it('rejects an unknown precision', () => {
    const call = (): void =>
      native.gemm(false, false, 1, 1, 1, f32(1), f32(1), f32(1), 'exact' as never);
    expect(call).toThrow(RangeError);
    expect(call).toThrow('gemm: precision must be "fast" or "reference", got "exact"');
  });

  it('rejects labels out of range', () => {
    const labels = Int32Array.from([0, 3]);
    const high = (): void =>
      native.softmaxCrossEntropyBackward(f32(6), labels, null, f32(6), 2, 3);
    expect(high).toThrow(RangeError);
    expect(high).toThrow(
      'softmaxCrossEntropyBackward: labels[1] is 3, expected a class index in [0, 3)',
    );
    const negative = (): void =>
      native.crossEntropyForward(f32(6), Int32Array.from([-1, 0]), null, f32(2), 2, 3);
    expect(negative).toThrow(RangeError);
    expect(negative).toThrow('labels[0] is -1, expected a class index in [0, 3)');
  });

  it('rejects a label count that does not match n', () => {
    const call = (): void =>
      native.crossEntropyForward(f32(6), new Int32Array(3), null, f32(2), 2, 3);
    expect(call).toThrow(RangeError);
    expect(call).toThrow('crossEntropyForward: labels has length 3, expected 2 (n = 2)');
  });

  it('rejects an optimizer state of the wrong length', () => {
    const call = (): void => native.sgdUpdate(f32(4), f32(4), f32(3), 0.1, 0.9);
    expect(call).toThrow(RangeError);
    expect(call).toThrow('sgdUpdate: momentums has length 3, expected 4 (the length of params)');
  });

  it('rejects a non-finite learning rate', () => {
    const call = (): void => native.adagradUpdate(f32(4), f32(4), f32(4), Number.NaN, 1e-7);
    expect(call).toThrow(RangeError);
    expect(call).toThrow('adagradUpdate: learningRate must be a finite number, got nan');
  });

  it('rejects zero classes for a non-empty batch', () => {
    const call = (): void => native.argmax(f32(0), new Int32Array(2), 2, 0);
    expect(call).toThrow(RangeError);
    expect(call).toThrow('argmax: c must be at least 1 when n is 2, got 0');
  });

  it('rejects an unsupported SIMD level', () => {
    const call = (): void => native.setSimdLevel('sse9' as never);
    expect(call).toThrow(RangeError);
    expect(call).toThrow('setSimdLevel: level must be one of the levels this CPU supports');
  });

  it('rejects a thread count of zero', () => {
    const call = (): void => native.setNumThreads(0);
    expect(call).toThrow(RangeError);
    expect(call).toThrow('setNumThreads: n must be an integer in [1, 1024], got 0');
  });
});

describe('native boundary: views with a byte offset', () => {
  it('reads and writes a subarray at its offset', () => {
    const inputs = offsetView(Float32Array.from([-1, 2, -3, 4, 5]), 3);
    const output = offsetView(new Float32Array(5), 5);
    native.reluForward(inputs, output);
    expect(Array.from(output)).toEqual([0, 2, 0, 4, 5]);
    // The values around the view stay as they were.
    const backing = new Float32Array(output.buffer);
    expect(Number.isNaN(backing[4])).toBe(true);
    expect(Number.isNaN(backing[10])).toBe(true);
  });

  it('multiplies operands that are views', () => {
    const a = offsetView(Float32Array.from([1, 2, 3, 4]), 1);
    const b = offsetView(Float32Array.from([5, 6, 7, 8]), 2);
    const c = offsetView(new Float32Array(4), 7);
    native.gemm(false, false, 2, 2, 2, a, b, c, 'fast');
    expect(Array.from(c)).toEqual([19, 22, 43, 50]);
  });

  it('averages a view, not its whole buffer', () => {
    expect(native.mean(offsetView(Float32Array.from([1, 2, 3, 6]), 2))).toBe(3);
  });
});

describe('native runtime controls', () => {
  it('reports OpenBLAS and the SIMD level', () => {
    const info = native.info();
    expect(info.openblasVersion).toMatch(/^\d+\.\d+/);
    expect(info.openblasCore.length).toBeGreaterThan(0);
    expect(native.simdLevels()).toContain(info.simd);
    expect(info.threads).toBe(native.getNumThreads());
  });

  it('sets the thread limit', () => {
    const before = native.getNumThreads();
    native.setNumThreads(1);
    expect(native.getNumThreads()).toBe(1);
    native.setNumThreads(before);
    expect(native.getNumThreads()).toBe(before);
  });

  it('switches to every supported SIMD level', () => {
    const before = native.getSimdLevel();
    for (const level of native.simdLevels()) {
      native.setSimdLevel(level);
      expect(native.getSimdLevel()).toBe(level);
    }
    native.setSimdLevel(before);
    expect(native.simdLevels()[0]).toBe('scalar');
  });
});
