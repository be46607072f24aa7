// The optimizers, re-exported for the two entry points.
export { Optimizer } from './optimizer.js';
export type { OptimizerConfig, TrainableLayer } from './optimizer.js';
export { OptimizerSGD } from './sgd.js';
export type { SGDOptions } from './sgd.js';
export { OptimizerAdagrad } from './adagrad.js';
export type { AdagradOptions } from './adagrad.js';
export { OptimizerRMSprop } from './rmsprop.js';
export type { RMSpropOptions } from './rmsprop.js';
export { OptimizerAdam } from './adam.js';
export type { AdamOptions } from './adam.js';
export { optimizerFromConfig } from './from-config.js';
