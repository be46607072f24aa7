// Printing must match NumPy's so output can be compared with the book by eye. The expected
// strings are the fixture's printouts (NumPy 2.4.6) and, where marked, strings printed by
// NumPy 2.4.6 for the same float32 values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatFloat32, formatMatrix } from '../lib/format.js';
import { Matrix } from '../lib/matrix.js';

const ch9 = JSON.parse(readFileSync(new URL('./fixtures/ch9.json', import.meta.url), 'utf8'));
const worked = ch9.worked_examples;
const full = ch9.full_model;
const crexp = ch9.full_model_crexp;

function float32Matrix(array: { data: number[][] }): Matrix {
  return Matrix.from(array.data.map((row) => row.map((value) => Math.fround(value))));
}

describe('formatFloat32', () => {
  it('prints the chapter 9 loss', () => {
    expect(formatFloat32(crexp.loss.value)).toBe(crexp.comparison_with_book.loss.ours);
  });

  // Printed by NumPy 2.4.6 as str(np.float32(x)).
  it.each([
    [1, '1.0'],
    [0.1, '0.1'],
    [-0, '-0.0'],
    [1e-5, '1e-05'],
    [1e-4, '1e-04'],
    [999999, '999999.0'],
    [1e6, '1e+06'],
    [16777216, '1.6777216e+07'],
    [3.4e38, '3.4e+38'],
    [1 / 3, '0.33333334'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
  ])('prints %s as NumPy does', (value, expected) => {
    expect(formatFloat32(value)).toBe(expected);
  });
});

describe('formatMatrix', () => {
  it('prints the first five softmax rows like the book', () => {
    const printed = crexp.comparison_with_book.softmax_rows0_4_and_loss_vs_Ch5_script_output.ours;
    const matrixPart = printed.slice(0, printed.indexOf('\nloss:'));
    expect(formatMatrix(float32Matrix(crexp.softmax_first5))).toBe(matrixPart);
  });

  it('pads the sign column in scientific rows', () => {
    const printed = formatMatrix(float32Matrix(crexp['dense1.dweights']));
    const firstRow = printed.split('\n')[0].slice(1);
    expect(firstRow).toBe(crexp.comparison_with_book['dense1.dweights_row0'].ours);
  });

  it('prints true digits past the shortest ones', () => {
    // The NumPy variant's 7.8368583e-05 prints as 7.836858e-05 alone, but with the exact
    // digits when another value of the array needs seven digits after the point.
    const printed = formatMatrix(float32Matrix(full['dense1.dweights']));
    const firstRow = printed.split('\n')[0].slice(1);
    expect(firstRow).toBe(full.comparison_with_book['dense1.dweights_row0'].ours);
  });

  it('prints the worked examples as NumPy does', () => {
    expect(formatMatrix(float32Matrix(worked.layer['dinputs = dvalues @ weights.T']))).toBe(
      worked.layer.as_printed.dinputs,
    );
    expect(formatMatrix(float32Matrix(worked.layer['dweights = inputs.T @ dvalues']))).toBe(
      worked.layer.as_printed.dweights,
    );
    expect(formatMatrix(float32Matrix(worked.layer['dbiases = sum(dvalues, axis=0)']))).toBe(
      worked.layer.as_printed.dbiases,
    );
    const update = worked.combined_forward_backward_update;
    expect(formatMatrix(float32Matrix(update.weights_after))).toBe(
      update.as_printed.weights_after,
    );
    expect(formatMatrix(float32Matrix(update.biases_after))).toBe(update.as_printed.biases_after);
    expect(formatMatrix(float32Matrix(worked.softmax_jacobian.jacobian))).toBe(
      worked.softmax_jacobian.as_printed,
    );
  });

  it('prints the combined gradients as NumPy does', () => {
    const example = full.combined_vs_separate_with_nnfs_init;
    expect(formatMatrix(float32Matrix(example.separate))).toBe(example.separate_as_printed);
  });

  // The expected strings below were printed by NumPy 2.4.6 with print() of the same float32
  // array.
  it('right-aligns nan and inf', () => {
    const m = Matrix.from([[NaN, -Infinity, 1.5]]);
    expect(formatMatrix(m)).toBe('[[ nan -inf  1.5]]');
  });

  it('switches to scientific for a wide range', () => {
    expect(formatMatrix(Matrix.from([[1e-5, 1]]))).toBe('[[1.e-05 1.e+00]]');
    expect(formatMatrix(Matrix.from([[1e-4, 1.2345678e-5]]))).toBe(
      '[[9.9999997e-05 1.2345678e-05]]',
    );
  });

  it('keeps the point of whole numbers', () => {
    expect(formatMatrix(Matrix.from([[6, 6, 6]]))).toBe('[[6. 6. 6.]]');
  });

  // As NumPy's np.arange(n, dtype=np.float32) * np.float32(0.37): a float32 product.
  function ramp(count: number): Float32Array {
    const data = new Float32Array(count);
    for (let i = 0; i < count; i++) data[i] = Math.fround(i * Math.fround(0.37));
    return data;
  }

  it('wraps rows longer than 75 columns', () => {
    expect(formatMatrix(Matrix.from(ramp(20), [1, 20]))).toBe(
      '[[0.        0.37      0.74      1.11      1.48      1.85      2.22\n' +
        '  2.5900002 2.96      3.33      3.7       4.07      4.44      4.81\n' +
        '  5.1800003 5.55      5.92      6.29      6.66      7.03     ]]',
    );
  });

  it('summarises more than 1000 elements', () => {
    const lines = formatMatrix(Matrix.from(ramp(2000), [50, 40])).split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe('[[0.0000000e+00 3.7000000e-01 7.4000001e-01 ... 1.3690001e+01');
    expect(lines[1]).toBe('  1.4060000e+01 1.4430000e+01]');
    expect(lines[6]).toBe(' ...');
    expect(lines[12]).toBe('  7.3926001e+02 7.3963000e+02]]');
  });

  it('prints an empty matrix as []', () => {
    expect(formatMatrix(Matrix.zeros(0, 3))).toBe('[]');
  });

  it('backs Matrix.toString', () => {
    const m = Matrix.from([[0.5, -0.25]]);
    expect(m.toString()).toBe(formatMatrix(m));
  });
});
