// Turns the words after `nnfs train` into checked training settings, with the book's
// defaults for whatever was not given.
import { dirname, join } from 'node:path';
import type { BackendName, Precision } from '../backend/kernels.js';
import {
  parseChoice,
  parseInteger,
  parseNumber,
  parseOptions,
  stringOption,
  type OptionSpecs,
} from './args.js';
import { BACKENDS, PRECISIONS } from './backend-option.js';
import { resolvePath } from './files.js';
import {
  OPTIMIZERS,
  isTwoDimensional,
  optimizerDefaults,
  parseDataset,
  shapeDefaults,
  type DatasetSpec,
  type OptimizerName,
  type OptimizerSettings,
} from './presets.js';
import { UsageError } from './usage-error.js';

export const TRAIN_OPTIONS: OptionSpecs = {
  dataset: { type: 'string' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  optimizer: { type: 'string' },
  'learning-rate': { type: 'string' },
  decay: { type: 'string' },
  hidden: { type: 'string' },
  samples: { type: 'string' },
  classes: { type: 'string' },
  seed: { type: 'string' },
  precision: { type: 'string' },
  backend: { type: 'string' },
  save: { type: 'string' },
  'print-every': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export interface TrainSettings {
  dataset: DatasetSpec;
  twoDimensional: boolean;
  epochs: number;
  /** Undefined trains on the whole set in one batch per epoch. */
  batchSize: number | undefined;
  optimizer: OptimizerName;
  optimizerSettings: OptimizerSettings;
  hidden: number;
  hiddenLayers: number;
  /** 2-D data only: samples per class and number of classes. */
  samples: number;
  classes: number;
  seed: number;
  precision: Precision;
  backend: BackendName | undefined;
  /** Absolute path of the model file; the figures go to the same directory. */
  savePath: string;
  outputDirectory: string;
  printEvery: number;
}

// Large enough for any run that fits in memory, small enough to catch a typo of many digits.
const MAX_COUNT = 1_000_000_000;

/** Parses and checks the train options; `cwd` anchors relative paths. */
export function parseTrainSettings(argv: string[], cwd: string): TrainSettings {
  const values = parseOptions('train', argv, TRAIN_OPTIONS);
  const text = (name: string): string | undefined => stringOption(values, name);

  const dataset = parseDataset(text('dataset') ?? 'spiral');
  const twoDimensional = isTwoDimensional(dataset);
  const shape = shapeDefaults(twoDimensional);
  if (!twoDimensional) {
    for (const name of ['samples', 'classes']) {
      if (text(name) !== undefined) {
        throw new UsageError(
          `--${name} applies to the generated datasets (spiral, vertical), not ${dataset.name}`,
        );
      }
    }
  }

  const optimizer = parseChoice('optimizer', text('optimizer') ?? 'adam', OPTIMIZERS);
  const defaults = optimizerDefaults(optimizer, twoDimensional);
  const learningRate = text('learning-rate');
  const decay = text('decay');
  const optimizerSettings: OptimizerSettings = {
    ...defaults,
    learningRate: learningRate === undefined ? defaults.learningRate
      : parseNumber('learning-rate', learningRate, 0, true),
    decay: decay === undefined ? defaults.decay : parseNumber('decay', decay, 0),
  };

  const integer = (name: string, fallback: number, min: number, max = MAX_COUNT): number => {
    const value = text(name);
    return value === undefined ? fallback : parseInteger(name, value, min, max);
  };
  const batchText = text('batch-size');
  const backend = text('backend');
  const precision = text('precision');
  const savePath = resolvePath(cwd, text('save') ?? join('nnfs-output', dataset.name,
    'model.safetensors'));

  return {
    dataset,
    twoDimensional,
    epochs: integer('epochs', shape.epochs, 1),
    batchSize: batchText === undefined ? shape.batchSize
      : parseInteger('batch-size', batchText, 1, MAX_COUNT),
    optimizer,
    optimizerSettings,
    hidden: integer('hidden', shape.hidden, 1, 65536),
    hiddenLayers: shape.hiddenLayers,
    samples: integer('samples', shape.samples, 1, 10_000_000),
    // spiralData and verticalData store labels as bytes, so at most 256 classes.
    classes: integer('classes', shape.classes, 2, 256),
    seed: integer('seed', 0, 0, 0xffffffff),
    precision: precision === undefined ? 'fast' : parseChoice('precision', precision, PRECISIONS),
    backend: backend === undefined ? undefined : parseChoice('backend', backend, BACKENDS),
    savePath,
    outputDirectory: dirname(savePath),
    printEvery: integer('print-every', shape.printEvery, 1),
  };
}
