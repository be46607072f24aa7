// The training loop of Model.train and Model.trainAsync, written once as a generator that
// yields after every step: train() drains it, trainAsync() awaits setImmediate between steps.
//
// One step, as in the book: forward, loss (data plus regularisation), accuracy, backward, then
// one optimizer update of every trainable layer. The loss is checked before the update, so a
// step whose loss is NaN or infinite stops training without touching the parameters.
import { kernels } from '../backend/select.js';
import { rangeError } from '../errors.js';
import type { Labels } from '../labels.js';
import type { Matrix } from '../matrix.js';
import type { Batch } from './batches.js';
import type { CheckedTrainOptions, TrainingProgress } from './callbacks.js';
import { EpochLoss } from './epoch-loss.js';
import {
  defaultLog,
  epochLine,
  epochLineWithRegularization,
  logEnabled,
  stepLine,
  trainingLine,
} from './log-format.js';
import type { LogValues } from './log-format.js';
import type { Model } from './model.js';

/** The last epoch's values, plus the evaluation of the validation data when it was given. */
export interface TrainResult extends TrainingProgress {
  validation?: { loss: number; accuracy: number };
}

/** Runs `options.epochs` passes over `batches`, yielding after every step. */
export function* runTraining(
  model: Model,
  where: string,
  batches: readonly Batch[],
  y: Labels | Matrix,
  options: CheckedTrainOptions,
): Generator<void, TrainResult, void> {
  const loss = model.requireLoss(where);
  const accuracy = model.requireAccuracy(where);
  const optimizer = model.optimizer;
  if (optimizer === undefined) throw new Error(`${where}: the model has no optimizer`);
  const log = options.log ?? defaultLog;
  const logging = logEnabled(log);
  const format = options.logFormat;
  const epochLoss = new EpochLoss();
  const steps = batches.length;
  // Reused for every line and callback, so a step allocates nothing for them.
  const values: LogValues = {
    accuracy: 0, loss: 0, dataLoss: 0, regularizationLoss: 0, learningRate: 0,
  };
  let result: TrainResult | undefined;

  accuracy.init(y);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    if (logging && format === 'model') log(`epoch: ${epoch}`);
    epochLoss.reset();
    accuracy.newPass();
    // The full-batch chapters print the rate before the epoch's update, and count from 0.
    const rateBeforeEpoch = optimizer.currentLearningRate;
    let stepRegularization = 0;

    for (let step = 0; step < steps; step++) {
      const batch = batches[step];
      const output = model.forward(batch.inputs, true);
      const sampleLosses = loss.forward(output, batch.targets);
      const dataLoss = kernels().mean(sampleLosses);
      stepRegularization = model.regularizationLoss();
      const stepLoss = Math.fround(dataLoss + stepRegularization);
      if (!Number.isFinite(stepLoss)) {
        throw rangeError(
          where,
          `the loss became ${stepLoss} at epoch ${epoch}, step ${step}; training stopped ` +
            'before that step updated the parameters. Lower the learning rate or check the data',
        );
      }
      epochLoss.add(sampleLosses);
      const stepAccuracy = accuracy.calculate(
        model.predictionsFor(output) as never,
        batch.targets,
      );

      model.backward(output, batch.targets);
      optimizer.preUpdateParams();
      for (const layer of model.trainableLayers) optimizer.updateParams(layer);
      optimizer.postUpdateParams();

      values.accuracy = stepAccuracy;
      values.loss = stepLoss;
      values.dataLoss = dataLoss;
      values.regularizationLoss = stepRegularization;
      values.learningRate = optimizer.currentLearningRate;
      const printStep = step % options.printEvery === 0 || step === steps - 1;
      if (logging && format === 'model' && printStep) {
        log(stepLine(step, values));
      }
      options.onStep?.({ epoch, step, ...values });
      yield;
    }

    values.accuracy = accuracy.calculateAccumulated();
    values.dataLoss = epochLoss.mean();
    values.learningRate = optimizer.currentLearningRate;
    if (format === 'model') {
      // The Model chapter recomputes the penalty from the updated parameters.
      values.regularizationLoss = model.regularizationLoss();
      values.loss = Math.fround(values.dataLoss + values.regularizationLoss);
      if (logging) log(trainingLine(values));
    } else {
      values.regularizationLoss = stepRegularization;
      values.loss = Math.fround(values.dataLoss + stepRegularization);
      if (logging && (epoch - 1) % options.printEvery === 0) {
        const printed = { ...values, learningRate: rateBeforeEpoch };
        const line = format === 'epoch' ? epochLine : epochLineWithRegularization;
        log(line(epoch - 1, printed));
      }
    }
    result = { epoch, step: steps - 1, ...values };
    options.onEpoch?.(result);

    const lastEpoch = epoch === options.epochs;
    if (options.validationData !== undefined && (lastEpoch || options.validateEachEpoch)) {
      const [validationX, validationY] = options.validationData;
      result.validation = model.evaluate(validationX, validationY, {
        batchSize: options.batchSize,
        log,
      });
    }
  }
  return result as TrainResult;
}
