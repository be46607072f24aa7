// The book's progress lines, formatted the way Python prints them: `{x:.3f}` rounds the exact
// binary value half to even, and a bare float prints as its shortest repr (`1.0`, `5e-05`).
import { debuglog } from 'node:util';

/**
 * The destination of progress lines unless the caller passes `log`: util.debuglog('nnfs'),
 * which prints only when NODE_DEBUG=nnfs is set, because a library does not write to stdout.
 */
const debug = debuglog('nnfs');
export const defaultLog = (line: string): void => debug('%s', line);

/**
 * Whether `log` prints anything. The default log is silent unless NODE_DEBUG names nnfs, and
 * formatting its lines would then cost more than a small training step's arithmetic.
 */
export function logEnabled(log: (line: string) => void): boolean {
  return log !== defaultLog || debug.enabled;
}

/** Formats `x` as Python's `f'{x:.3f}'` does. */
export function formatFixed3(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  // toFixed rounds an exact tie away from zero and Python rounds it to even. A tie has a short
  // exact decimal expansion ending in 5 at the fourth place, so 60 digits are enough to see it.
  const digits = Math.abs(x).toFixed(60);
  const point = digits.indexOf('.');
  const isTie = /^50*$/.test(digits.slice(point + 4));
  if (!isTie) return x.toFixed(3);

  const truncated = digits.slice(0, point + 4);
  const lastDigit = Number(truncated[truncated.length - 1]);
  const thousandths = Number(truncated.replace('.', '')) + (lastDigit % 2 === 1 ? 1 : 0);
  const padded = String(thousandths).padStart(4, '0');
  const sign = x < 0 ? '-' : '';
  return `${sign}${padded.slice(0, -3)}.${padded.slice(-3)}`;
}

/** Formats `x` as Python's `repr(float)`: shortest digits, exponent form below 1e-4. */
export function formatPythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';

  // toExponential() without an argument gives the shortest digits that round-trip, the same
  // digits Python's repr chooses.
  const [mantissa, exponentText] = x.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const text = String(x);
  return text.includes('.') ? text : `${text}.0`;
}

/** The values a progress line shows. */
export interface LogValues {
  accuracy: number;
  loss: number;
  dataLoss: number;
  regularizationLoss: number;
  learningRate: number;
}

/** Chapters 10 to 13: `epoch: 100, acc: 0.700, loss: 0.672, lr: 0.04999752512250644`. */
export function epochLine(epoch: number, values: LogValues): string {
  return (
    `epoch: ${epoch}, acc: ${formatFixed3(values.accuracy)}, ` +
    `loss: ${formatFixed3(values.loss)}, lr: ${formatPythonFloat(values.learningRate)}`
  );
}

/** Chapters 14 to 17 add the two parts of the loss to the epoch line. */
export function epochLineWithRegularization(epoch: number, values: LogValues): string {
  return `epoch: ${epoch}, ${lossParts(values)}`;
}

/** Formats the Model chapter's line after a step: `step: 0, acc: ..., loss: ... (...), lr: ...`. */
export function stepLine(step: number, values: LogValues): string {
  return `step: ${step}, ${lossParts(values)}`;
}

/** Formats the Model chapter's epoch summary: `training, acc: ..., loss: ... (...), lr: ...`. */
export function trainingLine(values: LogValues): string {
  return `training, ${lossParts(values)}`;
}

/** Formats the Model chapter's evaluation line: `validation, acc: 0.850, loss: 0.400`. */
export function validationLine(accuracy: number, loss: number): string {
  return `validation, acc: ${formatFixed3(accuracy)}, loss: ${formatFixed3(loss)}`;
}

function lossParts(values: LogValues): string {
  return (
    `acc: ${formatFixed3(values.accuracy)}, loss: ${formatFixed3(values.loss)} ` +
    `(data_loss: ${formatFixed3(values.dataLoss)}, ` +
    `reg_loss: ${formatFixed3(values.regularizationLoss)}), ` +
    `lr: ${formatPythonFloat(values.learningRate)}`
  );
}
