// Pixel scaling shared by the image data sets.

// The book computes `(X.astype(np.float32) - 127.5) / 127.5` in float32. The subtraction is exact
// and a float64 quotient of two float32 values rounds to the same float32 as a float32 division,
// so one table of 256 entries gives the book's values bit for bit.
const SCALED = Float32Array.from({ length: 256 }, (_, x) => (x - 127.5) / 127.5);

/** Scales 8-bit pixels to [-1, 1] in float32, as the book does. */
export function scalePixels(pixels: Uint8Array): Float32Array {
  const scaled = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) scaled[i] = SCALED[pixels[i]];
  return scaled;
}
