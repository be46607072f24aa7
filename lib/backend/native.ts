// Loads the OpenBLAS Node-API addon (native/, built by node-gyp or shipped as a prebuild) and
// presents it as the `native` Kernels, plus the controls only the native backend has.
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdamScalars, Kernels } from './kernels.js';

/** A SIMD level of the native element-wise kernels. */
export type SimdLevel = 'scalar' | 'avx2' | 'avx512';

/** The addon's OpenBLAS build and its current runtime settings. */
export interface NativeInfo {
  /** OpenBLAS version, from openblas_get_config(). */
  openblasVersion: string;
  /** The OpenBLAS kernel family in use, e.g. "Haswell". */
  openblasCore: string;
  /** The SIMD level of the element-wise kernels on the calling thread. */
  simd: SimdLevel;
  /** The most OpenBLAS threads a large product may use. */
  threads: number;
}

/** The native Kernels and the runtime controls of the addon. */
export interface NativeKernels extends Kernels {
  readonly name: 'native';
  /**
   * Sets the most threads a matrix product may use (1 to 1024). Products smaller than about
   * 16M multiply-adds (m * n * k) always run on one thread, because more threads slow them.
   */
  setNumThreads(threads: number): void;
  getNumThreads(): number;
  /** Switches the calling thread's element-wise kernels to a supported SIMD level. */
  setSimdLevel(level: SimdLevel): void;
  getSimdLevel(): SimdLevel;
  /** The SIMD levels this CPU supports, lowest first. */
  simdLevels(): SimdLevel[];
  info(): NativeInfo;
}

type Addon = Omit<NativeKernels, 'name'>;

const METHODS: (keyof Addon)[] = [
  'gemm',
  'denseForward',
  'denseBackward',
  'reluForward',
  'reluBackward',
  'softmaxForward',
  'softmaxBackward',
  'crossEntropyForward',
  'crossEntropyBackward',
  'softmaxCrossEntropyBackward',
  'argmax',
  'mean',
  'sgdUpdate',
  'adagradUpdate',
  'rmspropUpdate',
  'adamUpdate',
  'adamUpdateLayer',
  'sigmoidForward',
  'sigmoidBackward',
  'binaryCrossEntropyForward',
  'binaryCrossEntropyBackward',
  'meanSquaredErrorForward',
  'meanSquaredErrorBackward',
  'meanAbsoluteErrorForward',
  'meanAbsoluteErrorBackward',
  'dropoutApply',
  'regularizationLoss',
  'regularizationBackward',
  'setNumThreads',
  'getNumThreads',
  'setSimdLevel',
  'getSimdLevel',
  'simdLevels',
  'info',
];

let loaded: NativeKernels | undefined;

/**
 * Loads the addon once and returns its kernels. Throws an Error naming the cause when no built or
 * prebuilt binary can be loaded, or when the binary lacks a method (built from older sources).
 */
export function loadNativeKernels(): NativeKernels {
  if (loaded !== undefined) return loaded;

  // This file sits in lib/backend/ under vitest and in dist/backend/ after tsc. Both are two
  // levels below the package root, where node-gyp-build looks for build/ and prebuilds/.
  const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const require = createRequire(import.meta.url);

  let addon: Partial<Addon>;
  try {
    const nodeGypBuild = require('node-gyp-build') as (root: string) => unknown;
    addon = nodeGypBuild(packageRoot) as Partial<Addon>;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`no native addon could be loaded from ${packageRoot}: ${reason}`, {
      cause: error,
    });
  }

  const missing = METHODS.filter((method) => typeof addon[method] !== 'function');
  if (missing.length > 0) {
    throw new Error(
      `the native addon in ${packageRoot} lacks ${missing.join(', ')}; ` +
        'rebuild it with `npm rebuild nnfs-native`',
    );
  }

  const kernels: Addon = addon as Addon;
  loaded = {
    name: 'native',
    ...kernels,
    adamUpdate: packAdamScalars(kernels.adamUpdate),
    adamUpdateLayer: packLayerAdamScalars(kernels.adamUpdateLayer),
  };
  return loaded;
}

const ADAM_FIELDS = [
  'learningRate',
  'beta1',
  'oneMinusBeta1',
  'beta2',
  'oneMinusBeta2',
  'correction1',
  'correction2',
  'epsilon',
] as const satisfies readonly (keyof AdamScalars)[];

/**
 * Wraps the addon's adamUpdate so that it receives the scalars as one Float64Array in
 * ADAM_FIELDS order. Reading 8 named properties through Node-API made a call on 1 value take
 * about 2 us of CPU time, and the array about 0.9 us (loaded 2-core AMD EPYC, Node 20). A field
 * that is not a number keeps the object form, so the addon's message names that field.
 */
function packAdamScalars(adamUpdate: Kernels['adamUpdate']): Kernels['adamUpdate'] {
  const packed = new Float64Array(ADAM_FIELDS.length);
  return (params, grads, momentums, cache, hyper) => {
    const scalars = pack(hyper, packed);
    adamUpdate(params, grads, momentums, cache, scalars);
  };
}

/** Wraps the addon's adamUpdateLayer like packAdamScalars. */
function packLayerAdamScalars(
  adamUpdateLayer: Kernels['adamUpdateLayer'],
): Kernels['adamUpdateLayer'] {
  const packed = new Float64Array(ADAM_FIELDS.length);
  return (weights, dweights, weightMomentums, weightCache, biases, dbiases, biasMomentums,
    biasCache, hyper) => {
    const scalars = pack(hyper, packed);
    adamUpdateLayer(
      weights, dweights, weightMomentums, weightCache, biases, dbiases, biasMomentums, biasCache,
      scalars,
    );
  };
}

/** Returns `packed` filled from `hyper`, or `hyper` itself when a field is not a number. */
function pack(hyper: AdamScalars, packed: Float64Array): AdamScalars {
  let numeric = hyper !== null && typeof hyper === 'object';
  for (let field = 0; numeric && field < ADAM_FIELDS.length; field++) {
    const value = hyper[ADAM_FIELDS[field]];
    numeric = typeof value === 'number';
    packed[field] = value;
  }
  return numeric ? (packed as unknown as AdamScalars) : hyper;
}
