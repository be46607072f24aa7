// backendInfo() reports the backend that is active, with OpenBLAS details only on native.
import { expect, it } from 'vitest';
import { backendInfo } from '../../lib/backend/info.js';
import { describeBackends } from '../helpers/backends.js';

describeBackends('backendInfo', (backend) => {
  it('names the active backend', () => {
    expect(backendInfo().backend).toBe(backend);
  });

  if (backend === 'js') {
    it('has null native fields on js', () => {
      const info = backendInfo();
      expect(info.openblasVersion).toBeNull();
      expect(info.openblasCore).toBeNull();
      expect(info.simd).toBeNull();
      expect(info.threads).toBeNull();
    });
  } else {
    it('describes OpenBLAS and the SIMD level', () => {
      const info = backendInfo();
      expect(info.openblasVersion).toMatch(/^\d+\.\d+\.\d+/);
      expect(info.openblasCore).not.toBe('');
      expect(['scalar', 'avx2', 'avx512']).toContain(info.simd);
      expect(Number.isInteger(info.threads)).toBe(true);
      expect(info.threads).toBeGreaterThanOrEqual(1);
    });
  }
});
