// `nnfs evaluate`: loss and accuracy of a saved model on a dataset.
import { init } from '../init.js';
import {
  parseChoice,
  parseInteger,
  parseOptions,
  stringOption,
  wantsHelp,
  type OptionSpecs,
} from './args.js';
import { BACKENDS, PRECISIONS, selectBackend } from './backend-option.js';
import { generateTaskData, loadImages } from './datasets.js';
import { resolvePath } from './files.js';
import { printLine, type CliIO } from './io.js';
import { modelTask } from './network.js';
import { isGenerated, isTwoDimensional, parseDataset, type DatasetSpec, type Task } from
  './presets.js';
import type { Matrix } from '../matrix.js';
import { loadModel, modelInputWidth } from './saved-model.js';
import { UsageError } from './usage-error.js';

export const EVALUATE_HELP = `Usage: nnfs evaluate --model PATH --dataset NAME [options]

Prints the mean loss and the accuracy of a saved model on a dataset's test data. Works for
classifiers, binary classifiers and regression models (accuracy: the share of outputs within
std(y) / 250 of their target, as the book measures it).

Options:
  --model PATH          model file written by nnfs train or Model.save (required)
  --dataset NAME        spiral, vertical, sine, fashion-mnist or idx:DIR (required). For
                        images, the 10,000 test images; for 2-D data, newly generated
                        points; for sine, the sine samples. A binary model needs spiral or
                        vertical data, a regression model needs sine.
  --samples N           generated data only: samples per class for 2-D data (default 100),
                        samples in all for sine (default 1000)
  --classes N           2-D data only: classes (default: the model's output width, or 2 for
                        a binary model)
  --seed N              2-D data only: seed of the generated points (default 1, so the
                        points differ from those that nnfs train generates with seed 0)
  --batch-size N        samples per forward pass (default: all at once)
  --precision MODE      fast or reference (default fast)
  --backend NAME        native or js (default: native when the addon loads, else js)
  --verbose             print stack traces with errors
  -h, --help            show this help
`;

const EVALUATE_OPTIONS: OptionSpecs = {
  model: { type: 'string' },
  dataset: { type: 'string' },
  samples: { type: 'string' },
  classes: { type: 'string' },
  seed: { type: 'string' },
  'batch-size': { type: 'string' },
  precision: { type: 'string' },
  backend: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** Runs `nnfs evaluate` with the words after the command name; returns the exit code. */
export async function runEvaluate(argv: string[], io: CliIO): Promise<number> {
  if (wantsHelp(argv)) {
    io.stdout.write(EVALUATE_HELP);
    return 0;
  }
  const values = parseOptions('evaluate', argv, EVALUATE_OPTIONS);
  const text = (name: string): string | undefined => stringOption(values, name);
  const modelPath = text('model');
  const datasetName = text('dataset');
  if (modelPath === undefined) throw new UsageError('--model PATH is required');
  if (datasetName === undefined) throw new UsageError('--dataset NAME is required');
  const dataset = parseDataset(datasetName);
  const twoDimensional = isTwoDimensional(dataset);
  const generated = isGenerated(dataset);
  const onlyFor = (names: string[], applies: boolean, datasets: string): void => {
    for (const name of names) {
      if (!applies && text(name) !== undefined) {
        throw new UsageError(`--${name} applies to ${datasets}, not ${dataset.name}`);
      }
    }
  };
  onlyFor(['samples'], generated, 'the generated datasets (spiral, vertical, sine)');
  onlyFor(['classes', 'seed'], twoDimensional, 'the generated 2-D datasets (spiral, vertical)');
  const backend = text('backend');
  const precision = text('precision');
  const batchText = text('batch-size');
  const batchSize = batchText === undefined ? undefined
    : parseInteger('batch-size', batchText, 1, 1_000_000_000);

  selectBackend(backend === undefined ? undefined : parseChoice('backend', backend, BACKENDS));
  const path = resolvePath(io.cwd, modelPath);
  const model = loadModel(path);
  const inputWidth = modelInputWidth(model, path);
  const task = modelTask(model);
  checkModelDataset(modelPath, task, dataset);

  let data: { X: Matrix; y: Uint8Array | Matrix };
  if (generated) {
    const classesText = text('classes');
    const samplesText = text('samples');
    const seedText = text('seed');
    init({
      seed: seedText === undefined ? 1 : parseInteger('seed', seedText, 0, 0xffffffff),
      precision: precision === undefined ? 'fast' : parseChoice('precision', precision, PRECISIONS),
    });
    const defaultClasses = task === 'binary' ? 2 : model.outputWidth() ?? 3;
    const classes = classesText === undefined ? defaultClasses
      : parseInteger('classes', classesText, 2, 256);
    if (task === 'binary' && classes !== 2) {
      throw new UsageError(`model ${modelPath} is a binary model, so --classes must be 2, got ` +
        `${classes}`);
    }
    const defaultSamples = dataset.kind === 'sine' ? 1000 : 100;
    data = generateTaskData(
      dataset,
      task,
      samplesText === undefined ? defaultSamples
        : parseInteger('samples', samplesText, 1, 10_000_000),
      classes,
    );
  } else {
    init({
      precision: precision === undefined ? 'fast' : parseChoice('precision', precision, PRECISIONS),
    });
    data = loadImages(dataset, io.cwd, false).test;
  }
  if (data.X.cols !== inputWidth) {
    throw new UsageError(
      `model ${modelPath} expects ${inputWidth} inputs per sample, but ${dataset.name} has ` +
        `${data.X.cols}`,
    );
  }
  const result = model.evaluate(data.X, data.y, { batchSize, log: () => {} });
  printLine(
    io.stdout,
    `${dataset.name}: ${data.X.rows} samples, loss: ${result.loss.toFixed(6)}, ` +
      `accuracy: ${result.accuracy.toFixed(4)}`,
  );
  return 0;
}

// A regression model learns the sine's values; classifiers need labelled data, and a binary
// model needs data with 2 classes.
function checkModelDataset(modelPath: string, task: Task, dataset: DatasetSpec): void {
  if (task === 'regression' && dataset.kind !== 'sine') {
    throw new UsageError(
      `model ${modelPath} is a regression model, so --dataset must be sine, got ${dataset.name}`,
    );
  }
  if (task !== 'regression' && dataset.kind === 'sine') {
    throw new UsageError(
      `--dataset sine needs a regression model, but model ${modelPath} is a ${task} model`,
    );
  }
  if (task === 'binary' && !isTwoDimensional(dataset)) {
    throw new UsageError(
      `model ${modelPath} is a binary model, so --dataset must be spiral or vertical, got ` +
        dataset.name,
    );
  }
}
