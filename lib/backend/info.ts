// A summary of the active backend for logs and bug reports: which backend runs, and for the
// native one, the OpenBLAS build, the SIMD level and the thread limit it uses.
import type { BackendName } from './kernels.js';
import type { NativeKernels, SimdLevel } from './native.js';
import { kernels } from './select.js';

/** The active backend; the native-only fields are null on the js backend. */
export interface BackendInfo {
  backend: BackendName;
  /** OpenBLAS version, e.g. "0.3.21". */
  openblasVersion: string | null;
  /** OpenBLAS kernel family chosen for this CPU at load, e.g. "Haswell". */
  openblasCore: string | null;
  /** SIMD level of the element-wise kernels on the calling thread. */
  simd: SimdLevel | null;
  /** Maximum number of OpenBLAS threads a large product may use. */
  threads: number | null;
}

/** Describes the active backend; the first call picks the default backend like any kernel call. */
export function backendInfo(): BackendInfo {
  const active = kernels();
  if (active.name !== 'native') {
    return {
      backend: active.name,
      openblasVersion: null,
      openblasCore: null,
      simd: null,
      threads: null,
    };
  }
  const { openblasVersion, openblasCore, simd, threads } = (active as NativeKernels).info();
  return { backend: 'native', openblasVersion, openblasCore, simd, threads };
}
