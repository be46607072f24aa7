// The --backend and --precision choices shared by the commands.
import { setBackend } from '../backend/select.js';
import type { BackendName, Precision } from '../backend/kernels.js';
import { UsageError } from './usage-error.js';

export const BACKENDS: readonly BackendName[] = ['native', 'js'];
export const PRECISIONS: readonly Precision[] = ['fast', 'reference'];

/**
 * Switches to the requested backend; without a request the default choice applies (native
 * when the addon loads, else js). A native backend that cannot load is a UsageError.
 */
export function selectBackend(name: BackendName | undefined): void {
  if (name === undefined) return;
  try {
    setBackend(name);
  } catch (error) {
    throw new UsageError(`--backend ${name}: ${(error as Error).message}`);
  }
}
