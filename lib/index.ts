// The main entry point: idiomatic TypeScript names. `nnfs-native/book` exports the book's.

export { Matrix } from './matrix.js';
export type { Precision, BackendName } from './backend/kernels.js';
export { setBackend, getBackend } from './backend/select.js';
