// The --backend and --precision choices shared by the commands.
import { NativeUnavailableError, setBackend } from '../backend/select.js';
import type { BackendName, Precision } from '../backend/kernels.js';

export const BACKENDS: readonly BackendName[] = ['native', 'js'];
export const PRECISIONS: readonly Precision[] = ['fast', 'reference'];

/**
 * Switches to the requested backend; without a request the default choice applies (native
 * when the addon loads, else js, or what NNFS_BACKEND names). A native backend that cannot
 * load is a NativeUnavailableError, reported like a UsageError.
 */
export function selectBackend(name: BackendName | undefined): void {
  if (name === undefined) return;
  try {
    setBackend(name);
  } catch (error) {
    if (!(error instanceof NativeUnavailableError)) throw error;
    // setBackend's message starts with "setBackend: ", which means nothing to a CLI user.
    const reason = error.message.replace(/^setBackend: /, '');
    throw new NativeUnavailableError(`--backend ${name}: ${reason}`, { cause: error.cause });
  }
}
