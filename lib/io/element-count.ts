// Element counts of shapes read from untrusted file headers.

/**
 * Returns the product of `shape`, or undefined when it exceeds Number.MAX_SAFE_INTEGER. Each
 * step is exact while the true product stays safe, and rounding is monotonic, so a product that
 * passes the limit is always seen as passing it.
 */
export function elementCount(shape: readonly number[]): number | undefined {
  if (shape.includes(0)) return 0;
  let count = 1;
  for (const size of shape) {
    count *= size;
    if (count > Number.MAX_SAFE_INTEGER) return undefined;
  }
  return count;
}

/** Describes a byte count for an error message, e.g. "16" or "more than 2^53". */
export function describeByteCount(count: number | undefined, bytesPerElement: number): string {
  const bytes = count === undefined ? Infinity : count * bytesPerElement;
  return Number.isSafeInteger(bytes) ? String(bytes) : 'more than 2^53';
}
