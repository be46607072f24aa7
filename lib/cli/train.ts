// `nnfs train`: trains the book's classifier, evaluates it on test data, saves the model and
// writes its figures.
import { mkdirSync } from 'node:fs';
import { relative } from 'node:path';
import { init } from '../init.js';
import { getBackend } from '../backend/select.js';
import { epochLine, trainingLine, type LogValues } from '../model/log-format.js';
import { wantsHelp } from './args.js';
import { selectBackend } from './backend-option.js';
import { generateData, loadImages, type LabelledData } from './datasets.js';
import { writeDecisionFigure, writeTrainingFigure } from './figures.js';
import { printLine, type CliIO } from './io.js';
import { buildClassifier, createOptimizer } from './network.js';
import { systemReason } from './files.js';
import { TRAIN_HELP } from './train-help.js';
import { parseTrainSettings, type TrainSettings } from './train-settings.js';
import { trainAndReport } from './training-run.js';
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
  const images = settings.twoDimensional ? undefined : loadImages(settings.dataset, io.cwd, true);
  const train: LabelledData = images?.train
    ?? generateData(settings.dataset, settings.samples, settings.classes);
  const classes = images === undefined ? settings.classes : countClasses(images.train.y);
  const model = buildClassifier(
    { inputs: train.X.cols, hidden: settings.hidden, hiddenLayers: settings.hiddenLayers, classes },
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
    const testData = generateData(settings.dataset, settings.samples, settings.classes);
    model.evaluate(testData.X, testData.y, { log: print });
  } else if (io.stdout.isTTY === true) {
    // The per-epoch evaluations were hidden behind the progress bar; show the last one.
    model.evaluate(images.test.X, images.test.y, { batchSize: settings.batchSize, log: print });
  }

  makeDirectory(settings.outputDirectory);
  model.save(settings.savePath);
  print(`model saved to ${shortPath(io.cwd, settings.savePath)}`);
  const figure = writeTrainingFigure(settings.outputDirectory, report.history);
  print(`training plot saved to ${shortPath(io.cwd, figure)}`);
  if (images === undefined) {
    const regions = writeDecisionFigure(settings.outputDirectory, model, train);
    print(`decision regions saved to ${shortPath(io.cwd, regions)}`);
  }
  return 0;
}

function countClasses(labels: Uint8Array): number {
  let max = 0;
  for (const label of labels) if (label > max) max = label;
  return max + 1;
}

function describeRun(settings: TrainSettings, train: LabelledData, classes: number): string {
  const batches = settings.batchSize === undefined ? 'full batch'
    : `batch size ${settings.batchSize}`;
  const epochs = settings.epochs === 1 ? '1 epoch' : `${settings.epochs} epochs`;
  return (
    `training on ${settings.dataset.name}: ${train.X.rows} samples of ${train.X.cols} ` +
    `features, ${classes} classes, ${epochs}, ${batches}, ` +
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
  const line = settings.batchSize === undefined ? epochLine(last.epoch - 1, last)
    : trainingLine(last);
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
