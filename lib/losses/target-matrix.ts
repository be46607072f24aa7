// The target check shared by the losses whose targets are a matrix shaped like the
// predictions: binary cross-entropy, mean squared error and mean absolute error.
import { describe, rangeError, typeError } from '../errors.js';
import { checkBatch, Matrix } from '../matrix.js';

/**
 * Checks `predictions` and that `targets` is a Matrix of the same N x K shape. A flat vector
 * is rejected rather than broadcast, because NumPy would silently compare N x 1 outputs with
 * it as an N x N matrix.
 */
export function checkTargetMatrix(
  where: string,
  predictionsName: string,
  predictions: unknown,
  targets: unknown,
): { predictions: Matrix; targets: Matrix } {
  const checked = checkBatch(where, predictionsName, predictions);
  if (!(targets instanceof Matrix)) {
    const hint = ArrayBuffer.isView(targets) || Array.isArray(targets)
      ? `; reshape it with Matrix.from(values, [${checked.rows}, ${checked.cols}])`
      : '';
    throw typeError(
      where,
      `yTrue must be a Matrix of shape [${checked.rows}, ${checked.cols}], ` +
        `got ${describe(targets)}${hint}`,
    );
  }
  if (targets.rows !== checked.rows || targets.cols !== checked.cols) {
    throw rangeError(
      where,
      `yTrue has shape [${targets.rows}, ${targets.cols}], expected ` +
        `[${checked.rows}, ${checked.cols}] like ${predictionsName}`,
    );
  }
  return { predictions: checked, targets };
}
