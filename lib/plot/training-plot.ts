// The training.png figure: loss (top panel) and accuracy (bottom panel) against the epoch,
// with the validation curves beside the training ones when the run had validation data.
import { Canvas } from './canvas.js';
import { drawLineChart, type Series } from './line-chart.js';
import { classColor } from './palette.js';
import { rangeError } from '../errors.js';

/** Per-epoch metrics of a training run; all arrays have one entry per epoch. */
export interface TrainingHistory {
  epochs: number[];
  loss: number[];
  accuracy: number[];
  validationLoss?: number[];
  validationAccuracy?: number[];
}

const WIDTH = 800;
const PANEL_HEIGHT = 250;
const MARGIN_LEFT = 80;
const MARGIN_RIGHT = 24;
const MARGIN_TOP = 44;
const PANEL_GAP = 90;
const MARGIN_BOTTOM = 46;

/** Renders the loss and accuracy curves of `history` as a 800 x 680 canvas. */
export function renderTrainingPlot(history: TrainingHistory): Canvas {
  if (history.epochs.length === 0) {
    throw rangeError('renderTrainingPlot', 'history.epochs is empty, expected at least 1 epoch');
  }
  const height = MARGIN_TOP + PANEL_HEIGHT * 2 + PANEL_GAP + MARGIN_BOTTOM;
  const canvas = new Canvas(WIDTH, height);
  const width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
  const training = classColor(0);
  const validation = classColor(1);

  const lossSeries: Series[] = [{ label: 'training', color: training, values: history.loss }];
  if (history.validationLoss) {
    lossSeries.push({ label: 'validation', color: validation, values: history.validationLoss });
  }
  drawLineChart(canvas, { x: MARGIN_LEFT, y: MARGIN_TOP, width, height: PANEL_HEIGHT }, {
    xs: history.epochs,
    series: lossSeries,
    title: 'Loss',
    xLabel: 'epoch',
    yLabel: 'loss',
  });

  const accuracySeries: Series[] = [
    { label: 'training', color: training, values: history.accuracy },
  ];
  if (history.validationAccuracy) {
    accuracySeries.push({
      label: 'validation',
      color: validation,
      values: history.validationAccuracy,
    });
  }
  const top = MARGIN_TOP + PANEL_HEIGHT + PANEL_GAP;
  drawLineChart(canvas, { x: MARGIN_LEFT, y: top, width, height: PANEL_HEIGHT }, {
    xs: history.epochs,
    series: accuracySeries,
    title: 'Accuracy',
    xLabel: 'epoch',
    yLabel: 'accuracy',
    yRange: [0, 1],
    legend: 'bottom-right',
  });
  return canvas;
}
