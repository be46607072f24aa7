// Runs Model.trainAsync for the train command and reports progress: a bar on a terminal, the
// book's log lines elsewhere. It also records the per-epoch history for training.png, times
// each epoch of a batched run, and evaluates image models on the test set after every epoch.
import { performance } from 'node:perf_hooks';
import type { Model } from '../model/model.js';
import type { LogFormat, TrainingProgress } from '../model/callbacks.js';
import type { TrainingHistory } from '../plot/training-plot.js';
import { printLine, type CliIO } from './io.js';
import { TrainingProgressBar } from './progress.js';
import type { TaskData } from './datasets.js';
import type { TrainSettings } from './train-settings.js';

export interface TrainingReport {
  history: TrainingHistory;
  /** Wall-clock seconds of each epoch, without the per-epoch evaluation. */
  epochSeconds: number[];
  last: TrainingProgress;
}

/**
 * Returns the log-line format of a run. Batched runs print the Model chapter's lines. Full-batch
 * runs print the loss in its data and regularization parts, as the book's chapters 14 to 17 do,
 * when a regularizer is set or the task is one of those chapters' (binary or regression).
 */
export function runLogFormat(settings: TrainSettings): LogFormat {
  if (settings.batchSize !== undefined) return 'model';
  const bookTask = settings.task === 'binary' || settings.task === 'regression';
  return settings.l2 > 0 || bookTask ? 'epoch-regularization' : 'epoch';
}

/**
 * Trains `model` on `train`. With `validation`, evaluates it after every epoch and records the
 * result in the history. Each evaluation prints the Model chapter's `validation, ...` line.
 */
export async function trainAndReport(
  model: Model,
  settings: TrainSettings,
  train: Pick<TaskData, 'X' | 'y'>,
  validation: Pick<TaskData, 'X' | 'y'> | undefined,
  io: CliIO,
): Promise<TrainingReport> {
  const batched = settings.batchSize !== undefined;
  const stepsPerEpoch = batched ? Math.ceil(train.X.rows / (settings.batchSize as number)) : 1;
  const terminal = io.stdout.isTTY === true;
  const bar = terminal ? new TrainingProgressBar(io.stdout, settings.epochs * stepsPerEpoch)
    : undefined;
  // On a terminal the bar replaces the log lines; the summary is printed after training.
  const log = terminal ? (): void => {} : (line: string): void => printLine(io.stdout, line);

  const history: Required<TrainingHistory> = {
    epochs: [],
    loss: [],
    accuracy: [],
    validationLoss: [],
    validationAccuracy: [],
  };
  const epochSeconds: number[] = [];
  let epochStart = performance.now();

  const onStep = (progress: TrainingProgress): void => {
    bar?.update((progress.epoch - 1) * stepsPerEpoch + progress.step + 1, {
      ...progress,
      epochs: settings.epochs,
    });
  };
  const onEpoch = (progress: TrainingProgress): void => {
    const seconds = (performance.now() - epochStart) / 1000;
    epochSeconds.push(seconds);
    // Full-batch runs number epochs from 0 in the book's log lines; the plot follows them.
    history.epochs.push(batched ? progress.epoch : progress.epoch - 1);
    history.loss.push(progress.loss);
    history.accuracy.push(progress.accuracy);
    if (batched) log(`epoch time: ${seconds.toFixed(3)} s`);
    if (validation !== undefined) {
      const result = model.evaluate(validation.X, validation.y, {
        batchSize: settings.batchSize,
        log,
      });
      history.validationLoss.push(result.loss);
      history.validationAccuracy.push(result.accuracy);
    }
    epochStart = performance.now();
  };

  let last: TrainingProgress;
  try {
    last = await model.trainAsync(train.X, train.y, {
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      printEvery: settings.printEvery,
      logFormat: runLogFormat(settings),
      onStep,
      onEpoch,
      log,
      signal: io.signal,
    });
  } finally {
    bar?.stop();
  }

  return {
    history: validation === undefined
      ? { epochs: history.epochs, loss: history.loss, accuracy: history.accuracy }
      : history,
    epochSeconds,
    last,
  };
}
