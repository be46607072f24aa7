// Chooses the kernels every layer calls: native when the addon loads, else js with one
// warning. NNFS_BACKEND=js|native and setBackend() override the choice.
import { jsKernels } from './js/index.js';
import { loadNativeKernels } from './native.js';
import { routeTinyProducts } from './tiny-products.js';
import type { BackendName, Kernels } from './kernels.js';
import { describe, rangeError, typeError } from '../errors.js';

let active: Kernels | undefined;
let native: Kernels | undefined;
// The kernels layers call on the native backend: the addon, with tiny products sent to js.
let nativeRouted: Kernels | undefined;
let nativeFailure: Error | undefined;
let warned = false;

function tryNative(): Kernels | undefined {
  if (native !== undefined) return native;
  if (nativeFailure !== undefined) return undefined;
  try {
    native = loadNativeKernels();
    return native;
  } catch (error) {
    nativeFailure = error instanceof Error ? error : new Error(String(error));
    return undefined;
  }
}

/** Thrown when the native backend is requested but the addon cannot load. */
export class NativeUnavailableError extends Error {
  readonly code = 'NNFS_NATIVE_UNAVAILABLE';
}

function nativeOrThrow(where: string): Kernels {
  const kernels = tryNative();
  if (kernels === undefined) {
    throw new NativeUnavailableError(
      `${where}: the native backend cannot be loaded: ${nativeFailure?.message}. ` +
        'Reinstall the package so that its prebuilt binary is used, or build it from source ' +
        '(apt-get install g++ make python3 pkg-config libopenblas-dev, then ' +
        'npm rebuild nnfs-native).',
      { cause: nativeFailure },
    );
  }
  return kernels;
}

function routed(kernels: Kernels): Kernels {
  nativeRouted ??= routeTinyProducts(kernels, jsKernels);
  return nativeRouted;
}

function chooseDefault(): Kernels {
  const requested = process.env.NNFS_BACKEND;
  if (requested !== undefined && requested !== '') {
    if (requested === 'js') return jsKernels;
    if (requested === 'native') return routed(nativeOrThrow('NNFS_BACKEND=native'));
    throw rangeError('NNFS_BACKEND', `must be "native" or "js", got ${JSON.stringify(requested)}`);
  }
  const kernels = tryNative();
  if (kernels !== undefined) return routed(kernels);
  if (!warned) {
    warned = true;
    process.emitWarning(
      `nnfs-native: the native addon could not be loaded (${nativeFailure?.message}); ` +
        'using the pure-TypeScript backend. Run `npm rebuild nnfs-native` with g++, make, ' +
        'python3, pkg-config and libopenblas-dev installed to get the native backend.',
      { code: 'NNFS_NATIVE_UNAVAILABLE' },
    );
  }
  return jsKernels;
}

/** The kernels of the active backend; the first call picks the default. */
export function kernels(): Kernels {
  if (active === undefined) active = chooseDefault();
  return active;
}

/**
 * Selects a backend. Asking for `native` where the addon cannot load throws a
 * NativeUnavailableError that gives the cause.
 */
export function setBackend(name: BackendName): void {
  if (typeof name !== 'string') {
    throw typeError('setBackend', `name must be "native" or "js", got ${describe(name)}`);
  }
  if (name === 'js') {
    active = jsKernels;
  } else if (name === 'native') {
    active = routed(nativeOrThrow('setBackend'));
  } else {
    throw rangeError('setBackend', `name must be "native" or "js", got ${JSON.stringify(name)}`);
  }
}

/** The name of the active backend. */
export function getBackend(): BackendName {
  return kernels().name;
}

/** Whether the native addon can be loaded, without switching to it. */
export function nativeAvailable(): boolean {
  return tryNative() !== undefined;
}

/**
 * The kernels of one backend, for code that compares the two (tests, benchmarks). For native
 * these are the addon's own, without the routing of tiny products to js that kernels() adds.
 */
export function backendKernels(name: BackendName): Kernels {
  return name === 'js' ? jsKernels : nativeOrThrow('backendKernels');
}
