// The workloads the packaging tests run inside a project that installed the packed tarball.
// Each returns plain numbers and arrays, so results can cross process and thread boundaries.
import {
  init, spiralData, LayerDense, ActivationReLU, ActivationSoftmaxLossCategoricalCrossentropy,
  OptimizerAdam, Matrix, formatFloat32,
} from 'nnfs-native';

/** Runs the chapter 9 model once forward and backward, as the book does. */
export function chapter9() {
  init();
  const { X, y } = spiralData(100, 3);
  const dense1 = new LayerDense(2, 3);
  const relu = new ActivationReLU();
  const dense2 = new LayerDense(3, 3);
  const head = new ActivationSoftmaxLossCategoricalCrossentropy();

  dense1.forward(X);
  relu.forward(dense1.output);
  dense2.forward(relu.output);
  const loss = head.forward(dense2.output, y);

  head.backward(head.output, y);
  dense2.backward(head.dinputs);
  relu.backward(dense2.dinputs);
  dense1.backward(relu.dinputs);
  return {
    loss,
    lossText: formatFloat32(loss),
    softmax: Array.from(head.output.data),
    dweights: Array.from(dense1.dweights.data),
  };
}

/** Trains the 2 -> 64 -> 3 spiral classifier with Adam and returns the last epoch's loss. */
export function train(epochs) {
  init();
  const { X, y } = spiralData(100, 3);
  const dense1 = new LayerDense(2, 64);
  const relu = new ActivationReLU();
  const dense2 = new LayerDense(64, 3);
  const head = new ActivationSoftmaxLossCategoricalCrossentropy();
  const optimizer = new OptimizerAdam({ learningRate: 0.05, decay: 5e-7 });

  let loss = Number.NaN;
  for (let epoch = 0; epoch < epochs; epoch++) {
    dense1.forward(X);
    relu.forward(dense1.output);
    dense2.forward(relu.output);
    loss = head.forward(dense2.output, y);

    head.backward(head.output, y);
    dense2.backward(head.dinputs);
    relu.backward(dense2.dinputs);
    dense1.backward(relu.dinputs);

    optimizer.preUpdateParams();
    optimizer.updateParams(dense1);
    optimizer.updateParams(dense2);
    optimizer.postUpdateParams();
  }
  return loss;
}

/**
 * Runs one 400 x 400 x 400 product (64M multiply-adds), large enough for the native backend
 * to hand it to OpenBLAS's thread pool, and returns the sum of the output.
 */
export function largeProduct() {
  init();
  const size = 400;
  const layer = new LayerDense(size, size);
  const inputs = Matrix.zeros(size, size);
  inputs.data.fill(0.5);
  layer.forward(inputs);
  return layer.output.data.reduce((sum, value) => sum + value, 0);
}
