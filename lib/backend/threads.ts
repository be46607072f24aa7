// The OpenBLAS thread limit. Only the native backend runs threads; the js backend computes on
// the calling thread, so the limit does not change it.
import { checkInteger } from '../errors.js';
import { nativeAvailable, backendKernels } from './select.js';
import type { NativeKernels } from './native.js';

const MAX_THREADS = 1024;

/**
 * Sets the most OpenBLAS threads a matrix product may use. Small products still run on one
 * thread, because more threads slow them down. OpenBLAS's limit is process-wide: worker
 * threads share it, so with W workers training at once, n * W should not exceed the cores.
 */
export function setNumThreads(threads: number): void {
  checkInteger('setNumThreads', 'threads', threads, 1, MAX_THREADS);
  if (nativeAvailable()) (backendKernels('native') as NativeKernels).setNumThreads(threads);
}

/** The most OpenBLAS threads a product may use; 1 where the native backend cannot load. */
export function getNumThreads(): number {
  if (!nativeAvailable()) return 1;
  return (backendKernels('native') as NativeKernels).getNumThreads();
}
