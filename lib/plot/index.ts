// PNG figures for the nnfs command: the training curves and the decision-region map.
export { Canvas, type Rgb } from './canvas.js';
export { renderTrainingPlot, type TrainingHistory } from './training-plot.js';
export { renderDecisionRegions, type DecisionRegionsOptions } from './decision-regions.js';
export { drawLineChart, type Series, type LineChartOptions } from './line-chart.js';
export { classColor } from './palette.js';
