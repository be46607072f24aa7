// Builds the book's networks for the train command. Dense + ReLU hidden layers come first, with
// L2 on the first one and a dropout layer after its ReLU when requested. The task sets the
// output: softmax with categorical cross-entropy, sigmoid with binary cross-entropy, or linear
// with mean squared error and the regression accuracy.
import { Model, type ModelAccuracy, type ModelLayer, type ModelLoss } from '../model/model.js';
import { LayerDense } from '../layers/dense.js';
import { LayerDropout } from '../layers/dropout.js';
import { ActivationLinear } from '../activations/linear.js';
import { ActivationReLU } from '../activations/relu.js';
import { ActivationSigmoid } from '../activations/sigmoid.js';
import { ActivationSoftmax } from '../activations/softmax.js';
import { LossBinaryCrossentropy } from '../losses/binary-crossentropy.js';
import { LossCategoricalCrossentropy } from '../losses/categorical-crossentropy.js';
import { LossMeanSquaredError } from '../losses/mean-squared-error.js';
import { AccuracyCategorical } from '../metrics/accuracy-categorical.js';
import { AccuracyRegression } from '../metrics/accuracy-regression.js';
import { OptimizerAdagrad, OptimizerAdam, OptimizerRMSprop, OptimizerSGD } from
  '../optimizers/index.js';
import type { Optimizer } from '../optimizers/index.js';
import type { OptimizerName, OptimizerSettings, Task } from './presets.js';

export interface NetworkShape {
  task: Task;
  inputs: number;
  hidden: number;
  hiddenLayers: number;
  /** Output units: the class count for classification, 1 for binary and regression. */
  outputs: number;
  /** L2 strength on the first layer's weights and biases; 0 turns it off. */
  l2: number;
  /** Rate of a dropout layer after the first ReLU; 0 leaves it out. */
  dropout: number;
  /** The factor of every dense layer's initial Gaussian weights. */
  weightScale: number;
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
 * Builds and finalizes the network. The layers are created in order, so their initial weights
 * are the next draws of the global generator, as in the book.
 */
export function buildNetwork(shape: NetworkShape, optimizer: Optimizer): Model {
  const model = new Model();
  let width = shape.inputs;
  for (let i = 0; i < shape.hiddenLayers; i++) {
    const l2 = i === 0 ? shape.l2 : 0;
    model.add(new LayerDense(width, shape.hidden, {
      weightScale: shape.weightScale,
      weightRegularizerL2: l2,
      biasRegularizerL2: l2,
    }));
    model.add(new ActivationReLU());
    if (i === 0 && shape.dropout > 0) model.add(new LayerDropout(shape.dropout));
    width = shape.hidden;
  }
  model.add(new LayerDense(width, shape.outputs, { weightScale: shape.weightScale }));
  const head = outputHead(shape.task);
  model.add(head.activation);
  model.set({ loss: head.loss, optimizer, accuracy: head.accuracy });
  model.finalize();
  return model;
}

function outputHead(task: Task): {
  activation: ModelLayer;
  loss: ModelLoss;
  accuracy: ModelAccuracy;
} {
  switch (task) {
    case 'classification':
      return {
        activation: new ActivationSoftmax(),
        loss: new LossCategoricalCrossentropy(),
        accuracy: new AccuracyCategorical(),
      };
    case 'binary':
      return {
        activation: new ActivationSigmoid(),
        loss: new LossBinaryCrossentropy(),
        accuracy: new AccuracyCategorical({ binary: true }),
      };
    case 'regression':
      return {
        activation: new ActivationLinear(),
        loss: new LossMeanSquaredError(),
        accuracy: new AccuracyRegression(),
      };
  }
}

/** Returns the task of a loaded model, from the activation of its last layer. */
export function modelTask(model: Model): Task {
  const last = model.layers[model.layers.length - 1];
  if (last instanceof ActivationSigmoid) return 'binary';
  if (last instanceof ActivationLinear) return 'regression';
  return 'classification';
}
