// Runs a suite once per backend. Every numerical test uses this, so a native-only or js-only
// mistake cannot hide. NNFS_TEST_BACKENDS=js narrows the run while the addon is being built.
import { beforeEach, describe } from 'vitest';
import { setBackend } from '../../lib/backend/select.js';
import type { BackendName } from '../../lib/backend/kernels.js';
import { init } from '../../lib/init.js';

export const BACKENDS: BackendName[] = (process.env.NNFS_TEST_BACKENDS ?? 'native,js')
  .split(',')
  .map((name) => name.trim() as BackendName);

/** Declares `body` once per backend; each test starts from init() (seed 0, fast precision). */
export function describeBackends(title: string, body: (backend: BackendName) => void): void {
  describe.each(BACKENDS)(`${title} [%s]`, (backend) => {
    beforeEach(() => {
      setBackend(backend);
      init();
    });
    body(backend);
  });
}
