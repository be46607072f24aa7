// Writes the figures of a training run next to the model file: training.png always,
// decision-regions.png for 2-D data, and regression.png for the regression task.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../model/model.js';
import type { Matrix } from '../matrix.js';
import { renderTrainingPlot, type TrainingHistory } from '../plot/training-plot.js';
import { renderDecisionRegions } from '../plot/decision-regions.js';
import { renderRegressionPlot } from '../plot/regression-plot.js';
import type { Task } from './presets.js';

/** Writes training.png into `directory` and returns its path. */
export function writeTrainingFigure(directory: string, history: TrainingHistory): string {
  const path = join(directory, 'training.png');
  writeFileSync(path, renderTrainingPlot(history).toPng());
  return path;
}

/**
 * Writes decision-regions.png for a classifier with 2 inputs and returns its path. A binary
 * model's class is 1 where its sigmoid output is > 0.5.
 */
export function writeDecisionFigure(
  directory: string,
  model: Model,
  data: { X: Matrix; labels: Uint8Array },
  task: Task,
): string {
  const path = join(directory, 'decision-regions.png');
  const canvas = renderDecisionRegions({
    X: data.X,
    labels: data.labels,
    classify: (points: Matrix) => task === 'binary' ? thresholdRows(model.predict(points))
      : argmaxRows(model.predict(points)),
  });
  writeFileSync(path, canvas.toPng());
  return path;
}

/** Writes regression.png: the data and the model's prediction on X; returns its path. */
export function writeRegressionFigure(
  directory: string,
  model: Model,
  data: { X: Matrix; y: Matrix },
): string {
  const path = join(directory, 'regression.png');
  const canvas = renderRegressionPlot({ X: data.X, y: data.y, predicted: model.predict(data.X) });
  writeFileSync(path, canvas.toPng());
  return path;
}

/** Returns 1 where the first output of a row is > 0.5, else 0, as the book rounds sigmoid. */
export function thresholdRows(output: Matrix): Int32Array {
  const classes = new Int32Array(output.rows);
  for (let r = 0; r < output.rows; r++) classes[r] = output.data[r * output.cols] > 0.5 ? 1 : 0;
  return classes;
}

/** Returns the index of the largest value of each row (the first one on a tie). */
export function argmaxRows(output: Matrix): Int32Array {
  const classes = new Int32Array(output.rows);
  for (let r = 0; r < output.rows; r++) {
    const row = output.data.subarray(r * output.cols, (r + 1) * output.cols);
    let best = 0;
    for (let c = 1; c < row.length; c++) if (row[c] > row[best]) best = c;
    classes[r] = best;
  }
  return classes;
}
