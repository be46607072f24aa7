// Optimizer updates in pure TypeScript: one pass over a parameter array of any length P,
// updating the moments or caches in the same pass. `params`, `grads` and every state array
// have the same length P and are flat views of row-major matrices.
//
// Every scalar is rounded to float32 first and every operation is rounded to float32
// (`Math.fround`) in the order the book's NumPy code evaluates it, so a seeded run reproduces
// the Python reference. Rounding a double result of +, -, *, / or sqrt of float32 operands to
// float32 gives the correctly rounded float32 result, because a double has more than
// 2 * 24 + 2 bits of significand.
import type { AdamScalars } from '../kernels.js';

const f32 = Math.fround;

/**
 * SGD. Without momentum (`momentums` null): params += (-lr) * grads. With momentum:
 * update = momentum * momentums - lr * grads; momentums = update; params += update.
 */
export function sgdUpdate(
  params: Float32Array,
  grads: Float32Array,
  momentums: Float32Array | null,
  learningRate: number,
  momentum: number,
): void {
  const lr = f32(learningRate);
  const count = params.length;

  if (momentums === null) {
    const negativeLr = -lr;
    for (let p = 0; p < count; p++) params[p] = f32(params[p] + f32(negativeLr * grads[p]));
    return;
  }

  const beta = f32(momentum);
  for (let p = 0; p < count; p++) {
    const update = f32(f32(beta * momentums[p]) - f32(lr * grads[p]));
    momentums[p] = update;
    params[p] = f32(params[p] + update);
  }
}

/** AdaGrad: cache += grads²; params += (-lr) * grads / (sqrt(cache) + epsilon). */
export function adagradUpdate(
  params: Float32Array,
  grads: Float32Array,
  cache: Float32Array,
  learningRate: number,
  epsilon: number,
): void {
  const negativeLr = -f32(learningRate);
  const eps = f32(epsilon);
  const count = params.length;

  for (let p = 0; p < count; p++) {
    const grad = grads[p];
    const cached = f32(cache[p] + f32(grad * grad));
    cache[p] = cached;
    const step = f32(f32(negativeLr * grad) / f32(f32(Math.sqrt(cached)) + eps));
    params[p] = f32(params[p] + step);
  }
}

/**
 * RMSprop: cache = rho * cache + (1 - rho) * grads²;
 * params += (-lr) * grads / (sqrt(cache) + epsilon).
 */
export function rmspropUpdate(
  params: Float32Array,
  grads: Float32Array,
  cache: Float32Array,
  learningRate: number,
  rho: number,
  oneMinusRho: number,
  epsilon: number,
): void {
  const negativeLr = -f32(learningRate);
  const decayRate = f32(rho);
  const gradWeight = f32(oneMinusRho);
  const eps = f32(epsilon);
  const count = params.length;

  for (let p = 0; p < count; p++) {
    const grad = grads[p];
    const cached = f32(f32(decayRate * cache[p]) + f32(gradWeight * f32(grad * grad)));
    cache[p] = cached;
    const step = f32(f32(negativeLr * grad) / f32(f32(Math.sqrt(cached)) + eps));
    params[p] = f32(params[p] + step);
  }
}

/**
 * Adam: m = beta1 * m + (1 - beta1) * g; v = beta2 * v + (1 - beta2) * g²;
 * params += ((-lr) * (m / correction1)) / (sqrt(v / correction2) + epsilon).
 */
export function adamUpdate(
  params: Float32Array,
  grads: Float32Array,
  momentums: Float32Array,
  cache: Float32Array,
  hyper: AdamScalars,
): void {
  const negativeLr = -f32(hyper.learningRate);
  const beta1 = f32(hyper.beta1);
  const oneMinusBeta1 = f32(hyper.oneMinusBeta1);
  const beta2 = f32(hyper.beta2);
  const oneMinusBeta2 = f32(hyper.oneMinusBeta2);
  const correction1 = f32(hyper.correction1);
  const correction2 = f32(hyper.correction2);
  const eps = f32(hyper.epsilon);
  const count = params.length;

  for (let p = 0; p < count; p++) {
    const grad = grads[p];
    const momentum = f32(f32(beta1 * momentums[p]) + f32(oneMinusBeta1 * grad));
    momentums[p] = momentum;
    const cached = f32(f32(beta2 * cache[p]) + f32(oneMinusBeta2 * f32(grad * grad)));
    cache[p] = cached;

    const momentumCorrected = f32(momentum / correction1);
    const cacheCorrected = f32(cached / correction2);
    const denominator = f32(f32(Math.sqrt(cacheCorrected)) + eps);
    params[p] = f32(params[p] + f32(f32(negativeLr * momentumCorrected) / denominator));
  }
}

/** Adam on a layer's weights, then on its biases: see Kernels.adamUpdateLayer. */
export function adamUpdateLayer(
  weights: Float32Array,
  dweights: Float32Array,
  weightMomentums: Float32Array,
  weightCache: Float32Array,
  biases: Float32Array,
  dbiases: Float32Array,
  biasMomentums: Float32Array,
  biasCache: Float32Array,
  hyper: AdamScalars,
): void {
  adamUpdate(weights, dweights, weightMomentums, weightCache, hyper);
  adamUpdate(biases, dbiases, biasMomentums, biasCache, hyper);
}
