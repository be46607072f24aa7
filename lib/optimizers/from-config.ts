// Recreates an optimizer from the settings Model.save stores in a file's metadata.
import { describe, rangeError, typeError } from '../errors.js';
import { OptimizerAdagrad } from './adagrad.js';
import { OptimizerAdam } from './adam.js';
import type { Optimizer, OptimizerConfig } from './optimizer.js';
import { OptimizerRMSprop } from './rmsprop.js';
import { OptimizerSGD } from './sgd.js';

/** Builds the optimizer that `optimizer.config()` describes; the settings are checked again. */
export function optimizerFromConfig(config: OptimizerConfig): Optimizer {
  const where = 'optimizerFromConfig';
  if (config === null || typeof config !== 'object') {
    throw typeError(where, `config must be an object, got ${describe(config)}`);
  }
  const { type, ...settings } = config;
  switch (type) {
    case 'SGD':
      return new OptimizerSGD(settings);
    case 'Adagrad':
      return new OptimizerAdagrad(settings);
    case 'RMSprop':
      return new OptimizerRMSprop(settings);
    case 'Adam':
      return new OptimizerAdam(settings);
    default:
      throw rangeError(
        where,
        `config.type must be "SGD", "Adagrad", "RMSprop" or "Adam", got ${describe(type)}`,
      );
  }
}
