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
  TASKS,
  checkTaskDataset,
  defaultTask,
  isGenerated,
  isTwoDimensional,
  optimizerDefaults,
  parseDataset,
  shapeDefaults,
  type DatasetSpec,
  type OptimizerName,
  type OptimizerSettings,
  type Task,
} from './presets.js';
import { UsageError } from './usage-error.js';

export const TRAIN_OPTIONS: OptionSpecs = {
  dataset: { type: 'string' },
  task: { type: 'string' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  optimizer: { type: 'string' },
  'learning-rate': { type: 'string' },
  decay: { type: 'string' },
  hidden: { type: 'string' },
  l2: { type: 'string' },
  dropout: { type: 'string' },
  samples: { type: 'string' },
  'test-samples': { type: 'string' },
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
  task: Task;
  /** True for spiral and vertical, the 2-D data that gets a decision-region figure. */
  twoDimensional: boolean;
  /** True for the datasets generated in memory (spiral, vertical, sine). */
  generated: boolean;
  epochs: number;
  /** Undefined trains on the whole set in one batch per epoch. */
  batchSize: number | undefined;
  optimizer: OptimizerName;
  optimizerSettings: OptimizerSettings;
  hidden: number;
  hiddenLayers: number;
  /** L2 strength on the first dense layer's weights and biases; 0 turns it off. */
  l2: number;
  /** Rate of the dropout layer after the first ReLU; 0 leaves the layer out. */
  dropout: number;
  /** The factor of the initial Gaussian weights of every dense layer. */
  weightScale: number;
  /**
   * Generated data only: samples per class (for sine, samples in all) and number of classes
   * (1 for sine). `testSamples` sizes the evaluation data generated after training.
   */
  samples: number;
  testSamples: number;
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
  const generated = isGenerated(dataset);
  const taskText = text('task');
  const task = taskText === undefined ? defaultTask(dataset) : parseChoice('task', taskText, TASKS);
  const shape = shapeDefaults(twoDimensional, task);
  const onlyFor = (names: string[], applies: boolean, datasets: string): void => {
    for (const name of names) {
      if (!applies && text(name) !== undefined) {
        throw new UsageError(`--${name} applies to ${datasets}, not ${dataset.name}`);
      }
    }
  };
  onlyFor(['samples', 'test-samples'], generated,
    'the generated datasets (spiral, vertical, sine)');
  onlyFor(['classes'], twoDimensional, 'the generated 2-D datasets (spiral, vertical)');

  const optimizer = parseChoice('optimizer', text('optimizer') ?? 'adam', OPTIMIZERS);
  const defaults = optimizerDefaults(optimizer, twoDimensional, task);
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
  const number = (name: string, fallback: number): number => {
    const value = text(name);
    return value === undefined ? fallback : parseNumber(name, value, 0);
  };
  const dropout = number('dropout', 0);
  if (dropout >= 1) throw new UsageError(`--dropout must be < 1, got ${dropout}`);
  // spiralData and verticalData store labels as bytes, so at most 256 classes.
  const classes = integer('classes', shape.classes, 2, 256);
  checkTaskDataset(task, dataset, classes);
  const samples = integer('samples', shape.samples, 1, 10_000_000);
  // The book validates its 2-D models on 100 new samples per class whatever it trained on.
  // Sine data has no randomness, so the regression chapter validates on the training inputs.
  const testSamples = integer('test-samples', dataset.kind === 'sine' ? samples : 100, 1,
    10_000_000);

  return {
    dataset,
    task,
    twoDimensional,
    generated,
    epochs: integer('epochs', shape.epochs, 1),
    batchSize: batchText === undefined ? shape.batchSize
      : parseInteger('batch-size', batchText, 1, MAX_COUNT),
    optimizer,
    optimizerSettings,
    hidden: integer('hidden', shape.hidden, 1, 65536),
    hiddenLayers: shape.hiddenLayers,
    l2: number('l2', shape.l2),
    dropout,
    weightScale: shape.weightScale,
    samples,
    testSamples,
    classes,
    seed: integer('seed', 0, 0, 0xffffffff),
    precision: precision === undefined ? 'fast' : parseChoice('precision', precision, PRECISIONS),
    backend: backend === undefined ? undefined : parseChoice('backend', backend, BACKENDS),
    savePath,
    outputDirectory: dirname(savePath),
    printEvery: integer('print-every', shape.printEvery, 1),
  };
}
