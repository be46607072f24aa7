// Process-wide settings made by init(): the product precision every layer uses.
import type { Precision } from './backend/kernels.js';

let precision: Precision = 'fast';

export function getPrecision(): Precision {
  return precision;
}

export function setPrecisionValue(value: Precision): void {
  precision = value;
}
