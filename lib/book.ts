// The book's own names, so code from "Neural Networks from Scratch in Python" ports line by
// line: `new Layer_Dense(2, 3)`, `spiral_data(100, 3)`.
export { init } from './init.js';
export { spiralData as spiral_data } from './datasets/spiral.js';
export { verticalData as vertical_data } from './datasets/vertical.js';
export { sineData as sine_data } from './datasets/sine.js';
import { LayerDense } from './layers/dense.js';

export { Matrix } from './matrix.js';
export { formatFloat32, formatMatrix } from './format.js';
export { ActivationReLU as Activation_ReLU } from './activations/relu.js';
export { ActivationSoftmax as Activation_Softmax } from './activations/softmax.js';
export { Loss } from './losses/loss.js';
export { LossCategoricalCrossentropy as Loss_CategoricalCrossentropy } from
  './losses/categorical-crossentropy.js';
export {
  ActivationSoftmaxLossCategoricalCrossentropy as Activation_Softmax_Loss_CategoricalCrossentropy,
} from './losses/softmax-categorical-crossentropy.js';
export { accuracy } from './metrics/accuracy.js';

/** The book's constructor arguments, for `new Layer_Dense({ n_inputs: 2, n_neurons: 3 })`. */
export interface Layer_Dense_Arguments {
  n_inputs: number;
  n_neurons: number;
}

/** LayerDense under the book's name; takes `(n_inputs, n_neurons)` or the same as an object. */
export class Layer_Dense extends LayerDense {
  constructor(n_inputs: number | Layer_Dense_Arguments, n_neurons?: number) {
    if (typeof n_inputs === 'object' && n_inputs !== null) {
      super(n_inputs.n_inputs, n_inputs.n_neurons);
    } else {
      super(n_inputs, n_neurons as number);
    }
  }
}

export {
  Optimizer_SGD, Optimizer_Adagrad, Optimizer_RMSprop, Optimizer_Adam,
} from './optimizers/book.js';
export { AccuracyCategorical as Accuracy_Categorical } from './metrics/accuracy-categorical.js';
// NOTE: Model keeps its idiomatic option names: the book's
// `model.train(X, y, epochs=10, batch_size=128, print_every=100)` ports as
// `model.train(X, y, { epochs: 10, batchSize: 128, printEvery: 100 })`.
export { Model } from './model/model.js';
