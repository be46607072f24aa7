// Builds the book's classifier for the train command: Dense + ReLU hidden layers, a Dense
// output layer with softmax, categorical cross-entropy and categorical accuracy.
import { Model } from '../model/model.js';
import { LayerDense } from '../layers/dense.js';
import { ActivationReLU } from '../activations/relu.js';
import { ActivationSoftmax } from '../activations/softmax.js';
import { LossCategoricalCrossentropy } from '../losses/categorical-crossentropy.js';
import { AccuracyCategorical } from '../metrics/accuracy-categorical.js';
import { OptimizerAdagrad, OptimizerAdam, OptimizerRMSprop, OptimizerSGD } from
  '../optimizers/index.js';
import type { Optimizer } from '../optimizers/index.js';
import type { OptimizerName, OptimizerSettings } from './presets.js';

export interface NetworkShape {
  inputs: number;
  hidden: number;
  hiddenLayers: number;
  classes: number;
}

/** Creates the optimizer named on the command line with the given settings. */
export function createOptimizer(name: OptimizerName, settings: OptimizerSettings): Optimizer {
  const { learningRate, decay } = settings;
  switch (name) {
    case 'sgd':
      return new OptimizerSGD({ learningRate, decay, momentum: settings.momentum ?? 0 });
    case 'adagrad':
      return new OptimizerAdagrad({ learningRate, decay });
    case 'rmsprop':
      return new OptimizerRMSprop({ learningRate, decay, rho: settings.rho ?? 0.9 });
    case 'adam':
      return new OptimizerAdam({ learningRate, decay });
  }
}

/**
 * Builds and finalizes the classifier. The layers are created in order, so their initial
 * weights are the next draws of the global generator, as in the book.
 */
export function buildClassifier(shape: NetworkShape, optimizer: Optimizer): Model {
  const model = new Model();
  let width = shape.inputs;
  for (let i = 0; i < shape.hiddenLayers; i++) {
    model.add(new LayerDense(width, shape.hidden));
    model.add(new ActivationReLU());
    width = shape.hidden;
  }
  model.add(new LayerDense(width, shape.classes));
  model.add(new ActivationSoftmax());
  model.set({
    loss: new LossCategoricalCrossentropy(),
    optimizer,
    accuracy: new AccuracyCategorical(),
  });
  model.finalize();
  return model;
}
