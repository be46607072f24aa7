// Seeded random inputs for the native tests, so a failure reproduces.

/** A mulberry32 generator: uniform doubles in [0, 1) from a 32-bit seed. */
export function uniformSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` float32 values uniform in [low, high). */
export function randomFloats(next: () => number, length: number, low = -2, high = 2): Float32Array {
  const values = new Float32Array(length);
  for (let index = 0; index < length; index++) values[index] = low + (high - low) * next();
  return values;
}

/** `length` class indices uniform in [0, classes). */
export function randomLabels(next: () => number, length: number, classes: number): Int32Array {
  const labels = new Int32Array(length);
  for (let index = 0; index < length; index++) labels[index] = Math.floor(next() * classes);
  return labels;
}

/** Copies `values` into a view that starts `offset` elements into a larger buffer. */
export function offsetView(values: Float32Array, offset: number): Float32Array {
  const backing = new Float32Array(values.length + offset + 3).fill(Number.NaN);
  const view = backing.subarray(offset, offset + values.length);
  view.set(values);
  return view;
}
