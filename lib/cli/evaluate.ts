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
import { generateData, loadImages, type LabelledData } from './datasets.js';
import { resolvePath } from './files.js';
import { printLine, type CliIO } from './io.js';
import { isTwoDimensional, parseDataset } from './presets.js';
import { loadModel, modelInputWidth } from './saved-model.js';
import { UsageError } from './usage-error.js';

export const EVALUATE_HELP = `Usage: nnfs evaluate --model PATH --dataset NAME [options]

Prints the mean loss and the accuracy of a saved model on a dataset's test data.

Options:
  --model PATH          model file written by nnfs train or Model.save (required)
  --dataset NAME        spiral, vertical, fashion-mnist or idx:DIR (required). For images,
                        the 10,000 test images; for 2-D data, newly generated points.
  --samples N           2-D data only: samples per class (default 100)
  --classes N           2-D data only: classes (default: the model's output width)
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
  if (modelPath === undefined) throw new UsageError('evaluate: --model PATH is required');
  if (datasetName === undefined) throw new UsageError('evaluate: --dataset NAME is required');
  const dataset = parseDataset(datasetName);
  const twoDimensional = isTwoDimensional(dataset);
  if (!twoDimensional) {
    for (const name of ['samples', 'classes', 'seed']) {
      if (text(name) !== undefined) {
        throw new UsageError(
          `--${name} applies to the generated datasets (spiral, vertical), not ${dataset.name}`,
        );
      }
    }
  }
  const backend = text('backend');
  const precision = text('precision');
  const batchText = text('batch-size');
  const batchSize = batchText === undefined ? undefined
    : parseInteger('batch-size', batchText, 1, 1_000_000_000);

  selectBackend(backend === undefined ? undefined : parseChoice('backend', backend, BACKENDS));
  const path = resolvePath(io.cwd, modelPath);
  const model = loadModel(path);
  const inputWidth = modelInputWidth(model, path);

  let data: LabelledData;
  if (twoDimensional) {
    const classesText = text('classes');
    const samplesText = text('samples');
    const seedText = text('seed');
    init({
      seed: seedText === undefined ? 1 : parseInteger('seed', seedText, 0, 0xffffffff),
      precision: precision === undefined ? 'fast' : parseChoice('precision', precision, PRECISIONS),
    });
    data = generateData(
      dataset,
      samplesText === undefined ? 100 : parseInteger('samples', samplesText, 1, 10_000_000),
      classesText === undefined ? model.outputWidth() ?? 3 : parseInteger('classes', classesText,
        2, 256),
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
