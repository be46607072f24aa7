// `nnfs train`: trains the book's classifier, binary classifier or regression network,
// evaluates it on test data, saves the model and writes its figures.
import { mkdirSync } from 'node:fs';
import { relative } from 'node:path';
import { init } from '../init.js';
import { getBackend } from '../backend/select.js';
import { FASHION_MNIST_CLASSES } from '../datasets/fashion-mnist.js';
import {
  epochLine,
  epochLineWithRegularization,
  trainingLine,
  type LogValues,
} from '../model/log-format.js';
import { Matrix } from '../matrix.js';
import type { ModelMetadata } from '../model/model.js';
import { wantsHelp } from './args.js';
import { selectBackend } from './backend-option.js';
import { generateTaskData, loadImages, type TaskData } from './datasets.js';
import { writeDecisionFigure, writeRegressionFigure, writeTrainingFigure } from './figures.js';
import { printLine, type CliIO } from './io.js';
import { buildNetwork, createOptimizer } from './network.js';
import { systemReason } from './files.js';
import { TRAIN_HELP } from './train-help.js';
import { parseTrainSettings, type TrainSettings } from './train-settings.js';
import { runLogFormat, trainAndReport } from './training-run.js';
import { UsageError } from './usage-error.js';

/** Runs `nnfs train` with the words after the command name; returns the exit code. */
export async function runTrain(argv: string[], io: CliIO): Promise<number> {
  if (wantsHelp(argv)) {
    io.stdout.write(TRAIN_HELP);
    return 0;
  }
  const settings = parseTrainSettings(argv, io.cwd);
  selectBackend(settings.backend);
  init({ seed: settings.seed, precision: settings.precision });

  // The book draws the training data first, then the initial weights, and only after
  // training the test data, so the generated test set comes from later draws.
  const images = settings.generated ? undefined : loadImages(settings.dataset, io.cwd, true);
  const train: TaskData = images === undefined
    ? generateTaskData(settings.dataset, settings.task, settings.samples, settings.classes)
    : { ...images.train, labels: images.train.y };
  const classes = images === undefined ? settings.classes : countClasses(images.train.y);
  const model = buildNetwork(
    {
      task: settings.task,
      inputs: train.X.cols,
      hidden: settings.hidden,
      hiddenLayers: settings.hiddenLayers,
      outputs: settings.task === 'classification' ? classes : 1,
      l2: settings.l2,
      dropout: settings.dropout,
      weightScale: settings.weightScale,
    },
    createOptimizer(settings.optimizer, settings.optimizerSettings),
  );
  printLine(io.stdout, describeRun(settings, train, classes));

  const report = await trainAndReport(model, settings, train, images?.test, io);
  const print = (line: string): void => printLine(io.stdout, line);
  if (io.stdout.isTTY === true) printSummary(io, settings, report.last);
  if (settings.batchSize !== undefined) {
    const mean = report.epochSeconds.reduce((sum, s) => sum + s, 0) / report.epochSeconds.length;
    print(`time per epoch: ${mean.toFixed(3)} s (mean of ${report.epochSeconds.length})`);
  } else {
    const total = report.epochSeconds.reduce((sum, s) => sum + s, 0);
    print(`training time: ${total.toFixed(3)} s`);
  }

  if (images === undefined) {
    const testData = generateTaskData(settings.dataset, settings.task, settings.testSamples,
      settings.classes);
    model.evaluate(testData.X, testData.y, { log: print });
  } else if (io.stdout.isTTY === true) {
    // The per-epoch evaluations were hidden behind the progress bar; show the last one.
    model.evaluate(images.test.X, images.test.y, { batchSize: settings.batchSize, log: print });
  }

  makeDirectory(settings.outputDirectory);
  model.save(settings.savePath, { metadata: savedMetadata(settings) });
  print(`model saved to ${shortPath(io.cwd, settings.savePath)}`);
  const figure = writeTrainingFigure(settings.outputDirectory, report.history);
  print(`training plot saved to ${shortPath(io.cwd, figure)}`);
  if (settings.twoDimensional && train.labels !== undefined) {
    const regions = writeDecisionFigure(settings.outputDirectory, model,
      { X: train.X, labels: train.labels }, settings.task);
    print(`decision regions saved to ${shortPath(io.cwd, regions)}`);
  }
  if (settings.task === 'regression' && train.y instanceof Matrix) {
    const fit = writeRegressionFigure(settings.outputDirectory, model, { X: train.X, y: train.y });
    print(`regression plot saved to ${shortPath(io.cwd, fit)}`);
  }
  return 0;
}

/**
 * Returns the metadata saved with a trained model: the class names that nnfs predict prints.
 * Only Fashion-MNIST's are known. IDX files carry no class names, so a model trained on
 * idx:DIR (Fashion-MNIST or MNIST digits alike) gets none and predict prints indices only.
 */
export function savedMetadata(settings: TrainSettings): ModelMetadata {
  return settings.dataset.kind === 'fashion-mnist'
    ? { classNames: [...FASHION_MNIST_CLASSES] }
    : {};
}

function countClasses(labels: Uint8Array): number {
  let max = 0;
  for (const label of labels) if (label > max) max = label;
  return max + 1;
}

function describeRun(settings: TrainSettings, train: TaskData, classes: number): string {
  const batches = settings.batchSize === undefined ? 'full batch'
    : `batch size ${settings.batchSize}`;
  const epochs = settings.epochs === 1 ? '1 epoch' : `${settings.epochs} epochs`;
  const features = train.X.cols === 1 ? '1 feature' : `${train.X.cols} features`;
  const task = settings.task === 'classification' ? `${classes} classes`
    : settings.task === 'binary' ? 'binary' : 'regression';
  const extras = [
    settings.l2 > 0 ? `L2 ${settings.l2}` : '',
    settings.dropout > 0 ? `dropout ${settings.dropout}` : '',
  ].filter((text) => text !== '').map((text) => `, ${text}`).join('');
  return (
    `training on ${settings.dataset.name}: ${train.X.rows} samples of ${features}, ` +
    `${task}${extras}, ${epochs}, ${batches}, ` +
    `optimizer ${settings.optimizer}, backend ${getBackend()}`
  );
}

// After a progress bar, print the last epoch in the book's format. The full-batch line shows the
// rate after the last update, where the book's per-epoch line shows the rate before it.
function printSummary(
  io: CliIO,
  settings: TrainSettings,
  last: LogValues & { epoch: number },
): void {
  const format = runLogFormat(settings);
  const line = format === 'model' ? trainingLine(last)
    : format === 'epoch' ? epochLine(last.epoch - 1, last)
    : epochLineWithRegularization(last.epoch - 1, last);
  printLine(io.stdout, line);
}

function makeDirectory(directory: string): void {
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create directory ${directory}: ${systemReason(error)}`);
  }
}

// Paths under the working directory print relative to it, others in full.
function shortPath(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  return relativePath.startsWith('..') || relativePath === '' ? path : relativePath;
}
