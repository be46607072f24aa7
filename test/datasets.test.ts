// The datasets against test/fixtures/spiral.json, which NumPy produced after nnfs.init().
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeBackends } from './helpers/backends.js';
import { init } from '../lib/init.js';
import { randn } from '../lib/random.js';
import { spiralData } from '../lib/datasets/spiral.js';
import { verticalData } from '../lib/datasets/vertical.js';
import { sineData } from '../lib/datasets/sine.js';
import { spiral_data, vertical_data, sine_data } from '../lib/book.js';

interface Table {
  data: number[][];
}
interface Fixture {
  spiral_data_100_3: {
    X: Table;
    y: { data: number[] };
    randn_draws_float64_used: { data: number[] };
  };
  vertical_data_100_3: { X: Table; y: { data: number[] } };
  sine_data: { X: Table; y: Table };
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/spiral.json', import.meta.url), 'utf8'),
) as Fixture;

/**
 * Positions where `actual` differs from the float32-rounded fixture, compared with Object.is so
 * that the sign of zero counts. The fixture writes -0 as 0, so its zeros are compared by
 * magnitude and the signed zeros are checked separately.
 */
function mismatches(actual: Float32Array, expected: number[][]): string[] {
  const flat = expected.flat();
  const found: string[] = [];
  if (actual.length !== flat.length) return [`length ${actual.length}, expected ${flat.length}`];
  for (let x = 0; x < flat.length; x++) {
    const want = Math.fround(flat[x]);
    const same = want === 0 ? actual[x] === 0 : Object.is(actual[x], want);
    if (!same) found.push(`[${x}] got ${actual[x]}, expected ${want}`);
  }
  return found;
}

describeBackends('datasets', () => {
  it('spiralData matches NumPy bit for bit', () => {
    init();
    const { X, y } = spiralData(100, 3);
    expect(X.shape).toEqual([300, 2]);
    expect(mismatches(X.data, fixture.spiral_data_100_3.X.data)).toEqual([]);
    expect(y).toBeInstanceOf(Uint8Array);
    expect(Array.from(y)).toEqual(fixture.spiral_data_100_3.y.data);
  });

  it('spiralData keeps the negative zeros', () => {
    // Row 100 has radius 0 and an angle near 10 radians, where sin and cos are negative.
    init();
    const { X } = spiralData(100, 3);
    expect(Object.is(X.get(100, 0), -0)).toBe(true);
    expect(Object.is(X.get(100, 1), -0)).toBe(true);
  });

  it('spiralData draws 100 Gaussians per class', () => {
    init();
    spiralData(100, 2);
    const next = randn(100);
    const draws = fixture.spiral_data_100_3.randn_draws_float64_used.data;
    expect(Array.from(next)).toEqual(draws.slice(200));
  });

  it('verticalData matches NumPy bit for bit', () => {
    init();
    const { X, y } = verticalData(100, 3);
    expect(mismatches(X.data, fixture.vertical_data_100_3.X.data)).toEqual([]);
    expect(Array.from(y)).toEqual(fixture.vertical_data_100_3.y.data);
  });

  it('sineData matches NumPy rounded to float32', () => {
    const { X, y } = sineData();
    expect(X.shape).toEqual([1000, 1]);
    expect(y.shape).toEqual([1000, 1]);
    expect(mismatches(X.data, fixture.sine_data.X.data)).toEqual([]);
    expect(mismatches(y.data, fixture.sine_data.y.data)).toEqual([]);
  });

  it('book names give the same data', () => {
    init();
    const spiral = spiralData(100, 3);
    init();
    expect(spiral_data(100, 3).X.data).toEqual(spiral.X.data);

    init();
    const vertical = verticalData(100, 3);
    init();
    expect(vertical_data(100, 3).X.data).toEqual(vertical.X.data);

    expect(sine_data(10).y.data).toEqual(sineData(10).y.data);
  });
});

describeBackends('dataset argument checks', () => {
  it('samples and classes must be positive integers', () => {
    expect(() => spiralData(0, 3)).toThrow(
      'spiralData: samples must be an integer in [1, 2147483647], got 0',
    );
    expect(() => spiralData(100, 2.5)).toThrow(RangeError);
    expect(() => verticalData(100, 0)).toThrow(RangeError);
    expect(() => sineData(-5)).toThrow(RangeError);
  });

  it('classes must fit the uint8 labels', () => {
    expect(() => spiralData(1, 257)).toThrow(
      'spiralData: classes must be an integer in [1, 256], got 257',
    );
  });

  it('wrong types are TypeErrors', () => {
    expect(() => spiralData('100' as unknown as number, 3)).toThrow(TypeError);
    expect(() => verticalData(100, null as unknown as number)).toThrow(TypeError);
    expect(() => sineData('1000' as unknown as number)).toThrow(TypeError);
  });

  it('a rejected call draws nothing', () => {
    init();
    expect(() => spiralData(100, 0)).toThrow(RangeError);
    expect(randn(1)[0]).toBe(fixture.spiral_data_100_3.randn_draws_float64_used.data[0]);
  });
});
