// The book's own names, so code from "Neural Networks from Scratch in Python" ports line by
// line: `new Layer_Dense(2, 3)`, `spiral_data(100, 3)`.
export { init } from './init.js';
export { spiralData as spiral_data } from './datasets/spiral.js';
export { verticalData as vertical_data } from './datasets/vertical.js';
export { sineData as sine_data } from './datasets/sine.js';
