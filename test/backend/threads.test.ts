import { afterEach, describe, expect, it } from 'vitest';
import { nativeAvailable } from '../../lib/backend/select.js';
import { getNumThreads, setNumThreads } from '../../lib/backend/threads.js';

describe('setNumThreads', () => {
  afterEach(() => setNumThreads(1));

  it('sets the OpenBLAS thread limit', () => {
    expect(nativeAvailable()).toBe(true);
    setNumThreads(2);
    expect(getNumThreads()).toBe(2);
    setNumThreads(1);
    expect(getNumThreads()).toBe(1);
  });

  it('rejects a count that is not a positive integer', () => {
    expect(() => setNumThreads(0)).toThrow(RangeError);
    expect(() => setNumThreads(0)).toThrow(
      'setNumThreads: threads must be an integer in [1, 1024], got 0',
    );
    expect(() => setNumThreads(1.5)).toThrow(RangeError);
    expect(() => setNumThreads('2' as unknown as number)).toThrow(TypeError);
    expect(() => setNumThreads('2' as unknown as number)).toThrow(
      'setNumThreads: threads must be an integer, got string "2"',
    );
  });
});
