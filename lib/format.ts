// Prints float32 values and matrices the way NumPy 2 prints float32 scalars and 2-D arrays with
// its default print options (precision 8, floatmode 'maxprec', suppress=False, linewidth 75,
// threshold 1000, edgeitems 3), so output can be compared with the book's printouts by eye.
// The rules follow numpy/_core/arrayprint.py (FloatingFormat, _formatArray) and the Dragon4
// digit generation in numpy/_core/src/multiarray/dragon4.c.
import type { Matrix } from './matrix.js';

const PRECISION = 8;
const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;

// NumPy 2.3 and later switch float32 to scientific notation from 1e6 (10 ** the 6 decimal
// digits of np.finfo(np.float32).precision), for scalars and arrays alike, and below 1e-4.
const SCIENTIFIC_FROM = 1e6;
const SCIENTIFIC_BELOW = 1e-4;

/** A finite non-negative value as decimal digits: value = 0.d1 d2 d3 ... * 10^pointPosition. */
interface Decimal {
  digits: string;
  pointPosition: number;
}

// Every float32 is an integer multiple of 2^-149, so |x| * 2^149 is an exact integer and
// |x| = that integer * 5^149 / 10^149 exactly.
const FLOAT32_SCALE = 2 ** 149;
const FIVE_POW_149 = 5n ** 149n;

/** The exact decimal expansion of a float32 value's magnitude. */
function exactDecimal(x: number): Decimal {
  const integer = BigInt(Math.abs(x) * FLOAT32_SCALE) * FIVE_POW_149;
  const digits = integer.toString();
  return trimDigits({ digits, pointPosition: digits.length - 149 });
}

function trimDigits(value: Decimal): Decimal {
  const digits = value.digits.replace(/0+$/, '');
  if (digits === '') return { digits: '0', pointPosition: 1 };
  const leading = digits.length - digits.replace(/^0+/, '').length;
  return { digits: digits.slice(leading), pointPosition: value.pointPosition - leading };
}

/**
 * The shortest decimal that rounds back to the same float32, choosing the nearest one (ties to
 * the even digit) when several of that length do, as Dragon4 in unique mode does.
 */
function shortestDecimal(x: number): Decimal {
  const magnitude = Math.abs(x);
  if (magnitude === 0) return { digits: '0', pointPosition: 1 };

  const exact = exactDecimal(magnitude);
  for (let significant = 1; significant < exact.digits.length; significant++) {
    const nearest = roundDigits(exact, significant);
    if (roundsBackTo(nearest, magnitude)) return nearest;
    // At a power of two the round-trip interval is narrower below the value than above it, so
    // the nearest candidate can miss it while the one above lands inside.
    const padded = BigInt(nearest.digits.padEnd(significant, '0')) + 1n;
    const digits = padded.toString();
    const above = trimDigits({
      digits,
      pointPosition: nearest.pointPosition - significant + digits.length,
    });
    if (roundsBackTo(above, magnitude)) return above;
  }
  return exact;
}

function roundsBackTo(value: Decimal, target: number): boolean {
  const text = `0.${value.digits}e${value.pointPosition}`;
  return Math.fround(Number(text)) === target;
}

/** Rounds a decimal to its first `kept` digits, ties to even, as Dragon4 rounds at a cutoff. */
function roundDigits(exact: Decimal, kept: number): Decimal {
  if (kept >= exact.digits.length) return exact;
  if (kept < 0) return { digits: '0', pointPosition: 1 };

  const head = kept === 0 ? 0n : BigInt(exact.digits.slice(0, kept));
  const tail = exact.digits.slice(kept);
  const half = '5'.padEnd(tail.length, '0');
  let rounded = head;
  if (tail > half || (tail === half && head % 2n === 1n)) rounded += 1n;
  const text = rounded.toString().padStart(kept, '0');
  return trimDigits({ digits: text, pointPosition: exact.pointPosition + text.length - kept });
}

function integerPart(value: Decimal): string {
  if (value.pointPosition <= 0) return '0';
  return value.digits.slice(0, value.pointPosition).padEnd(value.pointPosition, '0');
}

function fractionPart(value: Decimal): string {
  if (value.pointPosition >= value.digits.length) return '';
  if (value.pointPosition >= 0) return value.digits.slice(value.pointPosition);
  return '0'.repeat(-value.pointPosition) + value.digits;
}

function signOf(x: number): string {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/**
 * Mantissa digits and exponent in scientific notation, e.g. ['1', '5766357', -4]: the shortest
 * digits, or, when they have fewer than `minFraction` digits after the point, the exact value
 * rounded to that many. NumPy's min_digits prints true digits, not zeros, so 1e-4 in float32
 * prints as 9.9999997e-05 next to a value that needs 7 digits.
 */
function scientificParts(x: number, minFraction = 0): [string, string, number] {
  let decimal = shortestDecimal(x);
  if (decimal.digits === '0') return ['0', '', 0];
  if (decimal.digits.length - 1 < minFraction) {
    decimal = roundDigits(exactDecimal(x), 1 + minFraction);
  }
  return [decimal.digits[0], decimal.digits.slice(1), decimal.pointPosition - 1];
}

function exponentText(exponent: number, minDigits: number): string {
  const sign = exponent < 0 ? '-' : '+';
  return `e${sign}${String(Math.abs(exponent)).padStart(minDigits, '0')}`;
}

/**
 * Formats a float32 like NumPy's `str(np.float32(x))` (the repr without the `np.float32(...)`
 * wrapper): positional for 1e-4 <= |x| < 1e6 and for zero, scientific otherwise, with the
 * shortest digits that round back to the same float32. The chapter 9 loss prints `1.0986104`.
 */
export function formatFloat32(x: number): string {
  const value = Math.fround(x);
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';

  const magnitude = Math.abs(value);
  const sign = signOf(value);
  if (magnitude === 0 || (magnitude >= SCIENTIFIC_BELOW && magnitude < SCIENTIFIC_FROM)) {
    const shortest = shortestDecimal(value);
    return `${sign}${integerPart(shortest)}.${fractionPart(shortest) || '0'}`;
  }
  const [lead, fraction, exponent] = scientificParts(value);
  const mantissa = fraction === '' ? lead : `${lead}.${fraction}`;
  return `${sign}${mantissa}${exponentText(exponent, 2)}`;
}

/** One column layout shared by every element of an array, as NumPy's FloatingFormat. */
interface FloatLayout {
  scientific: boolean;
  padLeft: number;
  padRight: number;
  // Scientific only: digits after the point and minimum exponent digits.
  precision: number;
  exponentDigits: number;
}

/** Positional digits of one value with at most PRECISION fraction digits: [integer, fraction]. */
function positionalParts(x: number): [string, string] {
  let decimal = shortestDecimal(x);
  if (fractionPart(decimal).length > PRECISION) {
    const exact = exactDecimal(x);
    decimal = roundDigits(exact, exact.pointPosition + PRECISION);
  }
  return [signOf(x) + integerPart(decimal), fractionPart(decimal)];
}

function chooseLayout(values: Float32Array): FloatLayout {
  let maxAbs = 0;
  let minAbs = Infinity;
  let finiteCount = 0;
  let hasNegativeInfinity = false;
  for (const value of values) {
    if (value === -Infinity) hasNegativeInfinity = true;
    if (!Number.isFinite(value)) continue;
    finiteCount++;
    const magnitude = Math.abs(value);
    if (magnitude === 0) continue;
    if (magnitude > maxAbs) maxAbs = magnitude;
    if (magnitude < minAbs) minAbs = magnitude;
  }

  const layout: FloatLayout = {
    scientific: false,
    padLeft: 0,
    padRight: 0,
    precision: 0,
    exponentDigits: 0,
  };
  if (minAbs !== Infinity) {
    // NumPy takes the ratio of two float32 values in float32.
    const ratio = Math.fround(maxAbs / minAbs);
    layout.scientific = maxAbs >= SCIENTIFIC_FROM || minAbs < SCIENTIFIC_BELOW || ratio > 1000;
  }

  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (layout.scientific) {
      const [lead, fraction, exponent] = scientificParts(value);
      layout.padLeft = Math.max(layout.padLeft, signOf(value).length + lead.length);
      layout.precision = Math.max(layout.precision, fraction.length);
      const digits = Math.max(2, String(Math.abs(exponent)).length);
      layout.exponentDigits = Math.max(layout.exponentDigits, digits);
    } else {
      const [integer, fraction] = positionalParts(value);
      layout.padLeft = Math.max(layout.padLeft, integer.length);
      layout.padRight = Math.max(layout.padRight, fraction.length);
    }
  }
  if (layout.scientific) layout.padRight = layout.exponentDigits + 2 + layout.precision;

  // `nan`, `inf` and `-inf` are right-aligned in the full column width.
  if (finiteCount !== values.length) {
    const afterPoint = layout.padRight + 1;
    const infinityWidth = 3 + (hasNegativeInfinity ? 1 : 0);
    layout.padLeft = Math.max(layout.padLeft, 3 - afterPoint, infinityWidth - afterPoint);
  }
  return layout;
}

function formatElement(x: number, layout: FloatLayout): string {
  if (!Number.isFinite(x)) {
    let text = 'inf';
    if (Number.isNaN(x)) text = 'nan';
    else if (x < 0) text = '-inf';
    return text.padStart(layout.padLeft + layout.padRight + 1);
  }
  if (layout.scientific) {
    const [lead, fraction, exponent] = scientificParts(x, layout.precision);
    const integer = (signOf(x) + lead).padStart(layout.padLeft);
    const digits = fraction.padEnd(layout.precision, '0');
    return `${integer}.${digits}${exponentText(exponent, layout.exponentDigits)}`;
  }
  const [integer, fraction] = positionalParts(x);
  return `${integer.padStart(layout.padLeft)}.${fraction.padEnd(layout.padRight)}`;
}

/** Indices NumPy shows along one axis: all of them, or the first and last EDGE_ITEMS. */
function shownIndices(length: number, summarise: boolean): number[] {
  const all = Array.from({ length }, (_, index) => index);
  if (!summarise || length <= 2 * EDGE_ITEMS) return all;
  return [...all.slice(0, EDGE_ITEMS), ...all.slice(length - EDGE_ITEMS)];
}

/** Appends a word to the current line, wrapping first when the line would grow too long. */
function extendLine(
  lines: string[],
  line: string,
  word: string,
  width: number,
  indent: string,
): string {
  const wrap = line.length + word.length > width && line.length > indent.length;
  if (!wrap) return line + word;
  lines.push(line.trimEnd());
  return indent + word;
}

function formatRow(words: string[], summaryAt: number): string {
  // A row is nested one level inside the outer bracket: indent ' ', one column less for ']'.
  const indent = '  ';
  const width = LINE_WIDTH - 1 - 1;
  const lines: string[] = [];
  let line = indent;
  for (let index = 0; index < words.length; index++) {
    if (index === summaryAt) {
      line = extendLine(lines, line, '...', width, indent);
      line += ' ';
    }
    line = extendLine(lines, line, words[index], width, indent);
    if (index < words.length - 1) line += ' ';
  }
  lines.push(line);
  return `[${lines.join('\n').slice(indent.length)}]`;
}

/**
 * Formats a matrix like NumPy's `print` (`str`) of a 2-D float32 array, with one column layout
 * shared by all elements and rows wrapped at 75 columns. A matrix of more than 1000 elements
 * shows only its first and last three rows and columns, with `...` between them.
 */
export function formatMatrix(m: Matrix): string {
  const { rows, cols, data } = m;
  if (rows === 0 || cols === 0) return '[]';

  const summarise = rows * cols > THRESHOLD;
  const rowIndices = shownIndices(rows, summarise);
  const colIndices = shownIndices(cols, summarise);
  const shown = new Float32Array(rowIndices.length * colIndices.length);
  let position = 0;
  for (const r of rowIndices) {
    for (const c of colIndices) shown[position++] = data[r * cols + c];
  }
  const layout = chooseLayout(shown);

  const rowSummaryAt = rowIndices.length < rows ? EDGE_ITEMS : -1;
  const colSummaryAt = colIndices.length < cols ? EDGE_ITEMS : -1;
  const rowTexts: string[] = [];
  for (let index = 0; index < rowIndices.length; index++) {
    if (index === rowSummaryAt) rowTexts.push('...');
    const r = rowIndices[index];
    const words = colIndices.map((c) => formatElement(data[r * cols + c], layout));
    rowTexts.push(formatRow(words, colSummaryAt));
  }
  return `[${rowTexts.join('\n ')}]`;
}
