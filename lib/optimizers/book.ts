// The optimizers under the book's names, with its positional snake_case arguments, so
// `Optimizer_Adam(learning_rate=0.05, decay=5e-7)` ports as `new Optimizer_Adam(0.05, 5e-7)`
// or `new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 })`. The instances also have
// the book's method and field names (`pre_update_params()`, `current_learning_rate`).
import { describe, typeError } from '../errors.js';
import { OptimizerAdagrad } from './adagrad.js';
import { OptimizerAdam } from './adam.js';
import { OptimizerRMSprop } from './rmsprop.js';
import { OptimizerSGD } from './sgd.js';
import type { TrainableLayer } from './optimizer.js';

type BookArguments = [Record<string, number>?] | number[];

/**
 * Maps the book's arguments, either positional numbers or one object of snake_case keyword
 * arguments, onto the idiomatic option names listed in `names` (in the book's order).
 */
function bookOptions(
  where: string,
  args: readonly unknown[],
  names: readonly (readonly [string, string])[],
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const first = args[0];
  if (args.length === 1 && first !== null && typeof first === 'object') {
    for (const [key, value] of Object.entries(first)) {
      const match = names.find(([bookName]) => bookName === key);
      if (match === undefined) {
        const expected = names.map(([bookName]) => bookName).join(', ');
        throw typeError(where, `unknown argument ${JSON.stringify(key)}, expected ${expected}`);
      }
      options[match[1]] = value;
    }
    return options;
  }
  if (args.length > names.length) {
    throw typeError(where, `takes at most ${names.length} arguments, got ${args.length}`);
  }
  args.forEach((value, index) => {
    if (value === undefined) return;
    if (typeof value !== 'number') {
      throw typeError(where, `${names[index][0]} must be a number, got ${describe(value)}`);
    }
    options[names[index][1]] = value;
  });
  return options;
}

const RATE = ['learning_rate', 'learningRate'] as const;
const DECAY = ['decay', 'decay'] as const;
const EPSILON = ['epsilon', 'epsilon'] as const;

export class Optimizer_SGD extends OptimizerSGD {
  /** `Optimizer_SGD(learning_rate=1., decay=0., momentum=0.)` */
  constructor(...args: BookArguments) {
    super(bookOptions('Optimizer_SGD', args, [RATE, DECAY, ['momentum', 'momentum']]));
  }
}

export class Optimizer_Adagrad extends OptimizerAdagrad {
  /** `Optimizer_Adagrad(learning_rate=1., decay=0., epsilon=1e-7)` */
  constructor(...args: BookArguments) {
    super(bookOptions('Optimizer_Adagrad', args, [RATE, DECAY, EPSILON]));
  }
}

export class Optimizer_RMSprop extends OptimizerRMSprop {
  /** `Optimizer_RMSprop(learning_rate=0.001, decay=0., epsilon=1e-7, rho=0.9)` */
  constructor(...args: BookArguments) {
    super(bookOptions('Optimizer_RMSprop', args, [RATE, DECAY, EPSILON, ['rho', 'rho']]));
  }
}

export class Optimizer_Adam extends OptimizerAdam {
  /** `Optimizer_Adam(learning_rate=0.001, decay=0., epsilon=1e-7, beta_1=0.9, beta_2=0.999)` */
  constructor(...args: BookArguments) {
    super(
      bookOptions('Optimizer_Adam', args, [
        RATE,
        DECAY,
        EPSILON,
        ['beta_1', 'beta1'],
        ['beta_2', 'beta2'],
      ]),
    );
  }

  get beta_1(): number {
    return this.beta1;
  }

  get beta_2(): number {
    return this.beta2;
  }
}

/** The book's snake_case members, shared by the four classes above. */
export interface BookOptimizerMembers {
  readonly learning_rate: number;
  current_learning_rate: number;
  pre_update_params(): void;
  update_params(layer: TrainableLayer): void;
  post_update_params(): void;
}

for (const bookClass of [Optimizer_SGD, Optimizer_Adagrad, Optimizer_RMSprop, Optimizer_Adam]) {
  Object.defineProperties(bookClass.prototype, {
    learning_rate: {
      get(this: OptimizerSGD) {
        return this.learningRate;
      },
    },
    current_learning_rate: {
      get(this: OptimizerSGD) {
        return this.currentLearningRate;
      },
      set(this: OptimizerSGD, value: number) {
        this.currentLearningRate = value;
      },
    },
    pre_update_params: {
      value(this: OptimizerSGD) {
        this.preUpdateParams();
      },
    },
    update_params: {
      value(this: OptimizerSGD, layer: TrainableLayer) {
        this.updateParams(layer);
      },
    },
    post_update_params: {
      value(this: OptimizerSGD) {
        this.postUpdateParams();
      },
    },
  });
}

// Declaration merging declares, for TypeScript, the members defined on the prototypes above.
export interface Optimizer_SGD extends BookOptimizerMembers {}
export interface Optimizer_Adagrad extends BookOptimizerMembers {}
export interface Optimizer_RMSprop extends BookOptimizerMembers {}
export interface Optimizer_Adam extends BookOptimizerMembers {}
