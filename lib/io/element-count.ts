// Element counts of shapes read from untrusted file headers.

/**
 * Returns the product of `shape`, or undefined when it exceeds `limit`. A count above the limit
 * cannot match the file, and stopping there keeps every intermediate product a safe integer
 * (each size is a safe integer and the limit is at most a file length).
 */
export function elementCount(shape: readonly number[], limit: number): number | undefined {
  if (shape.includes(0)) return 0;
  let count = 1;
  for (const size of shape) {
    if (size > limit) return undefined;
    count *= size;
    if (count > limit) return undefined;
  }
  return count;
}
