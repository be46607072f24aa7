// L1 and L2 regularisation: the penalty a loss adds for a layer's parameters, and the
// strengths a dense layer accepts.
//
// penalty = l1w * sum(|w|) + l2w * sum(w²) + l1b * sum(|b|) + l2b * sum(b²), accumulated in
// float32 in that order with every sum pairwise over the whole array, as the book's
// `regularization_loss` does; a term whose strength is 0 is skipped.
import { kernels } from '../backend/select.js';
import { checkNumber, describe, typeError } from '../errors.js';
import type { Matrix } from '../matrix.js';

/** The regularisation strengths of a layer; each is >= 0 and 0 turns the term off. */
export interface RegularizerOptions {
  weightRegularizerL1?: number;
  weightRegularizerL2?: number;
  biasRegularizerL1?: number;
  biasRegularizerL2?: number;
}

export const REGULARIZER_NAMES = [
  'weightRegularizerL1',
  'weightRegularizerL2',
  'biasRegularizerL1',
  'biasRegularizerL2',
] as const;

/** A layer with parameters and, optionally, regularisation strengths. */
export interface RegularizedLayer {
  readonly weights: Matrix;
  readonly biases: Matrix;
  readonly weightRegularizerL1?: number;
  readonly weightRegularizerL2?: number;
  readonly biasRegularizerL1?: number;
  readonly biasRegularizerL2?: number;
}

/** Checks the four strengths and returns them with 0 for the ones left out. */
export function checkRegularizers(
  where: string,
  options: RegularizerOptions,
): Required<RegularizerOptions> {
  const checked = {} as Record<(typeof REGULARIZER_NAMES)[number], number>;
  for (const name of REGULARIZER_NAMES) {
    const value = options[name];
    checked[name] = value === undefined ? 0 : checkNumber(where, name, value, 0);
  }
  return checked;
}

/** Returns the float32 L1/L2 penalty of `layer`'s weights and biases; 0 without strengths. */
export function regularizationLoss(layer: RegularizedLayer): number {
  const where = 'Loss.regularizationLoss';
  if (layer === null || typeof layer !== 'object') {
    throw typeError(where, `layer must be a layer with weights and biases, got ${describe(layer)}`);
  }
  const weightL1 = layer.weightRegularizerL1 ?? 0;
  const weightL2 = layer.weightRegularizerL2 ?? 0;
  const biasL1 = layer.biasRegularizerL1 ?? 0;
  const biasL2 = layer.biasRegularizerL2 ?? 0;

  let total = 0;
  if (weightL1 > 0 || weightL2 > 0) {
    total = kernels().regularizationLoss(layer.weights.data, weightL1, weightL2, total);
  }
  if (biasL1 > 0 || biasL2 > 0) {
    total = kernels().regularizationLoss(layer.biases.data, biasL1, biasL2, total);
  }
  return total;
}
