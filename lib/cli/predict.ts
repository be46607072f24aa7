// `nnfs predict`: the class of each sample of a file, or the value a regression model gives
// it, by a saved model.
import type { Matrix } from '../matrix.js';
import type { Model } from '../model/model.js';
import {
  parseChoice,
  parseInteger,
  parseOptions,
  stringOption,
  wantsHelp,
  type OptionSpecs,
} from './args.js';
import { BACKENDS, selectBackend } from './backend-option.js';
import { resolvePath } from './files.js';
import { printLine, type CliIO } from './io.js';
import { modelTask } from './network.js';
import { readPredictInput } from './predict-input.js';
import { loadModel, modelInputWidth } from './saved-model.js';
import { UsageError } from './usage-error.js';

export const PREDICT_HELP = `Usage: nnfs predict --model PATH --input FILE [options]

Prints one line per sample, with fields separated by tabs. For a classifier: the predicted
class index, its name when the model file stores class names (nnfs train stores them for
fashion-mnist), and the model's confidence (the softmax output); with --top K, the K most
likely classes follow each other on the line. For a binary model (sigmoid output): the class,
1 where the output is > 0.5 and 0 elsewhere, then the sigmoid output. For a regression model:
the predicted value.

Input files:
  .npy   an array of samples x features (a 1-D array is one sample; n x 28 x 28 images
         are read as n x 784). A uint8 array is taken as pixels 0..255 and scaled like the
         training images: (x - 127.5) / 127.5. Arrays of any other dtype (float32, float64,
         other integer types) are used as given, so save pixels as uint8 or scale them first.
  .csv   rows of numbers separated by commas, used as given (never scaled); a first line
         that is not all numbers is taken as a header and skipped
  .png   one image with as many pixels as the model has inputs (28x28 for Fashion-MNIST),
         converted to gray and scaled like the training images: (gray - 127.5) / 127.5

Options:
  --model PATH          model file written by nnfs train or Model.save (required)
  --input FILE          the samples (required)
  --top K               classifiers only: print the K most likely classes (default 1)
  --invert              .png only: use 255 - gray, for a dark item on a light background
                        (Fashion-MNIST items are light on black)
  --backend NAME        native or js (default: native when the addon loads, else js)
  --verbose             print stack traces with errors
  -h, --help            show this help
`;

const PREDICT_OPTIONS: OptionSpecs = {
  model: { type: 'string' },
  input: { type: 'string' },
  top: { type: 'string' },
  invert: { type: 'boolean' },
  backend: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** Runs `nnfs predict` with the words after the command name; returns the exit code. */
export async function runPredict(argv: string[], io: CliIO): Promise<number> {
  if (wantsHelp(argv)) {
    io.stdout.write(PREDICT_HELP);
    return 0;
  }
  const values = parseOptions('predict', argv, PREDICT_OPTIONS);
  const modelPath = stringOption(values, 'model');
  const inputPath = stringOption(values, 'input');
  if (modelPath === undefined) throw new UsageError('--model PATH is required');
  if (inputPath === undefined) throw new UsageError('--input FILE is required');
  const backend = stringOption(values, 'backend');
  selectBackend(backend === undefined ? undefined : parseChoice('backend', backend, BACKENDS));

  const path = resolvePath(io.cwd, modelPath);
  const model = loadModel(path);
  const inputWidth = modelInputWidth(model, path);
  const classes = model.outputWidth() ?? 0;
  const task = modelTask(model);
  const topText = stringOption(values, 'top');
  if (topText !== undefined && task !== 'classification') {
    throw new UsageError(`--top applies to classifiers, but model ${modelPath} is a ${task} model`);
  }
  const top = topText === undefined ? 1 : parseInteger('top', topText, 1, classes);

  const samples = readPredictInput(resolvePath(io.cwd, inputPath), {
    inputWidth,
    invert: values.invert === true,
  });
  if (samples.cols !== inputWidth) {
    throw new UsageError(
      `model ${modelPath} expects ${inputWidth} inputs per sample, but ${inputPath} has ` +
        `${samples.cols} columns`,
    );
  }
  const names = classNames(model, classes);
  const output = model.predict(samples);
  for (let r = 0; r < output.rows; r++) {
    const line = task === 'binary' ? formatBinary(output, r)
      : task === 'regression' ? formatValues(output, r)
      : formatRanking(output, r, top, names);
    printLine(io.stdout, line);
  }
  return 0;
}

/** Formats each sigmoid output of row `r` as its class (1 where > 0.5, else 0) and value. */
export function formatBinary(output: Matrix, r: number): string {
  const row = output.data.subarray(r * output.cols, (r + 1) * output.cols);
  return Array.from(row, (value) => `${value > 0.5 ? 1 : 0}\t${value.toFixed(4)}`).join('\t');
}

/** Formats the outputs of row `r` of a regression model with 6 decimals. */
export function formatValues(output: Matrix, r: number): string {
  const row = output.data.subarray(r * output.cols, (r + 1) * output.cols);
  return Array.from(row, (value) => value.toFixed(6)).join('\t');
}

/**
 * Returns the class names stored in the model file's metadata (`classNames`, one string per
 * output), or undefined when the file has none or they do not fit, so only indices print. A
 * name with a tab or line break would split the output's fields, so it does not fit either.
 */
export function classNames(model: Model, classes: number): readonly string[] | undefined {
  const names = model.metadata.classNames;
  const valid = Array.isArray(names) && names.length === classes &&
    names.every((name) => typeof name === 'string' && !/[\t\r\n]/.test(name));
  return valid ? (names as string[]) : undefined;
}

/** Formats the `top` most likely classes of row `r`: index, name if known, confidence. */
export function formatRanking(
  output: Matrix,
  r: number,
  top: number,
  names: readonly string[] | undefined,
): string {
  const row = output.data.subarray(r * output.cols, (r + 1) * output.cols);
  // A stable sort keeps the lower class index first on a tie, as argmax does.
  const order = Array.from(row.keys()).sort((a, b) => row[b] - row[a]).slice(0, top);
  const fields: string[] = [];
  for (const index of order) {
    fields.push(String(index));
    if (names !== undefined) fields.push(names[index]);
    fields.push(row[index].toFixed(4));
  }
  return fields.join('\t');
}
