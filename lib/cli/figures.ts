// Writes the figures of a training run next to the model file: training.png always, and
// decision-regions.png for 2-D data.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../model/model.js';
import type { Matrix } from '../matrix.js';
import { renderTrainingPlot, type TrainingHistory } from '../plot/training-plot.js';
import { renderDecisionRegions } from '../plot/decision-regions.js';
import type { LabelledData } from './datasets.js';

/** Writes training.png into `directory` and returns its path. */
export function writeTrainingFigure(directory: string, history: TrainingHistory): string {
  const path = join(directory, 'training.png');
  writeFileSync(path, renderTrainingPlot(history).toPng());
  return path;
}

/** Writes decision-regions.png for a model with 2 inputs and returns its path. */
export function writeDecisionFigure(directory: string, model: Model, data: LabelledData): string {
  const path = join(directory, 'decision-regions.png');
  const canvas = renderDecisionRegions({
    X: data.X,
    labels: data.y,
    classify: (points: Matrix) => argmaxRows(model.predict(points)),
  });
  writeFileSync(path, canvas.toPng());
  return path;
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
