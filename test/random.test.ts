// The legacy generator against NumPy: test/fixtures/rng.json (seed 0) and, for the paths that
// file does not cover, values printed by NumPy 2.4.6 with the commands quoted beside them.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeBackends } from './helpers/backends.js';
import { init } from '../lib/init.js';
import { getPrecision } from '../lib/config.js';
import { Matrix } from '../lib/matrix.js';
import {
  binomial,
  permutation,
  random,
  randn,
  randomSample,
  RandomState,
  seed,
  shuffle,
  shuffleTogether,
} from '../lib/random.js';

interface Fixture {
  initial_state: { key_first8: { data: number[] }; key_last2: { data: number[] } };
  raw_uint32_first16: { data: number[] };
  random_sample_first20: { data: number[] };
  randn_first20: { data: number[] };
  randn_first20_as_float32: { data: number[] };
  shuffle_arange20: { data: number[] };
  'binomial_1_0.9_first20': { data: number[] };
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/rng.json', import.meta.url), 'utf8'),
) as Fixture;

describeBackends('random', () => {
  it('raw words match MT19937 seeded by init_genrand', () => {
    const state = new RandomState(0);
    const words = Array.from({ length: 16 }, () => state.nextUint32());
    expect(words).toEqual(fixture.raw_uint32_first16.data);
  });

  it('the second twist matches', () => {
    // np.random.seed(0); np.random.random_sample(311); then random_sample() twice: the last
    // double of the first 624 words, then the first double after the state is twisted again.
    seed(0);
    randomSample(311);
    expect(Array.from(randomSample(2))).toEqual([0.14694664540037505, 0.07952208258675575]);
  });

  it('randomSample matches random_sample', () => {
    seed(0);
    expect(Array.from(randomSample(20))).toEqual(fixture.random_sample_first20.data);
  });

  it('randn matches the polar Gaussian', () => {
    seed(0);
    expect(Array.from(randn(20))).toEqual(fixture.randn_first20.data);
  });

  it('randn rounded to float32 matches nnfs.init()', () => {
    seed(0);
    const rounded = Array.from(randn(20), Math.fround);
    expect(rounded).toEqual(fixture.randn_first20_as_float32.data.map(Math.fround));
  });

  it('randn keeps the second value across calls', () => {
    seed(0);
    const oneByOne = [randn(1)[0], randn(1)[0], randn(1)[0]];
    expect(oneByOne).toEqual(fixture.randn_first20.data.slice(0, 3));
  });

  it('seed clears the kept Gaussian', () => {
    seed(0);
    randn(1);
    seed(0);
    expect(randn(1)[0]).toBe(fixture.randn_first20.data[0]);
  });

  it('init() gives the stated first draws', () => {
    init();
    expect(Array.from(randn(6)).slice(0, 3)).toEqual([
      1.764052345967664, 0.4001572083672233, 0.9787379841057392,
    ]);
    init();
    expect(Array.from(randomSample(3))).toEqual([
      0.5488135039273248, 0.7151893663724195, 0.6027633760716439,
    ]);
  });

  it('init() sets the precision', () => {
    init({ precision: 'reference' });
    expect(getPrecision()).toBe('reference');
    init();
    expect(getPrecision()).toBe('fast');
  });

  it('init() seeds with the given seed', () => {
    // np.random.seed(123456789); np.random.randn(3)
    init({ seed: 123456789 });
    expect(Array.from(randn(3))).toEqual([
      2.2129019979039612, 2.128397797652002, 1.8417114045748335,
    ]);
  });

  it('the largest seed matches', () => {
    // np.random.seed(4294967295); np.random.random_sample(2)
    seed(4294967295);
    expect(Array.from(randomSample(2))).toEqual([0.0976320289940138, 0.9123828453026218]);
  });

  it('shuffle matches on an Int32Array', () => {
    seed(0);
    const values = Int32Array.from({ length: 20 }, (_, i) => i);
    shuffle(values);
    expect(Array.from(values)).toEqual(fixture.shuffle_arange20.data);
  });

  it('shuffle matches on a number[]', () => {
    seed(0);
    const values = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffle(values)).toEqual(fixture.shuffle_arange20.data);
  });

  it('permutation matches a longer shuffle', () => {
    // np.random.seed(0); np.random.permutation(1000)[:12]; np.random.random_sample()
    seed(0);
    const order = permutation(1000);
    expect(Array.from(order.subarray(0, 12))).toEqual([
      993, 859, 298, 553, 672, 971, 27, 231, 306, 706, 496, 558,
    ]);
    expect(randomSample(1)[0]).toBe(0.9920738428128281);
  });

  it('shuffleTogether moves rows with one permutation', () => {
    seed(0);
    const X = Matrix.from(Array.from({ length: 20 }, (_, i) => [i, -i]));
    const y = Uint8Array.from({ length: 20 }, (_, i) => i);
    const order = shuffleTogether(X, y);
    expect(Array.from(order)).toEqual(fixture.shuffle_arange20.data);
    expect(Array.from(y)).toEqual(fixture.shuffle_arange20.data);
    expect(X.toArray()).toEqual(fixture.shuffle_arange20.data.map((i) => [i, -i]));
  });

  it('binomial(1, 0.9) matches the dropout mask', () => {
    seed(0);
    expect(Array.from(binomial(1, 0.9, 20))).toEqual(fixture['binomial_1_0.9_first20'].data);
  });

  it('binomial matches BTPE and inversion in one stream', () => {
    // np.random.seed(1); then binomial(100, 0.5, 12), binomial(1000, 0.9, 8),
    // binomial(7, 0.3, 8) and binomial(200, 0.2, 8), printed with .tolist()
    seed(1);
    expect(Array.from(binomial(100, 0.5, 12))).toEqual([
      52, 47, 52, 51, 53, 52, 46, 45, 53, 51, 50, 41,
    ]);
    expect(Array.from(binomial(1000, 0.9, 8))).toEqual([898, 909, 904, 880, 902, 912, 905, 904]);
    expect(Array.from(binomial(7, 0.3, 8))).toEqual([4, 1, 1, 1, 0, 3, 1, 1]);
    expect(Array.from(binomial(200, 0.2, 8))).toEqual([35, 38, 39, 43, 36, 51, 36, 47]);
  });

  it('binomial matches BTPE far from the mode', () => {
    // np.random.seed(3); np.random.binomial(100000, 0.37, 6)
    seed(3);
    expect(Array.from(binomial(100000, 0.37, 6))).toEqual([
      37007, 36958, 36986, 36876, 36861, 37194,
    ]);
  });

  it('binomial mirrors inversion for p > 0.5', () => {
    // np.random.seed(2); np.random.binomial(50, 0.75, 10)
    seed(2);
    expect(Array.from(binomial(50, 0.75, 10))).toEqual([38, 43, 37, 38, 38, 39, 40, 37, 39, 39]);
  });

  it('binomial with p = 0 or n = 0 still draws', () => {
    // np.random.seed(0); np.random.binomial(5, 0.0); np.random.random_sample()
    seed(0);
    expect(Array.from(binomial(5, 0, 1))).toEqual([0]);
    expect(randomSample(1)[0]).toBe(fixture.random_sample_first20.data[1]);
    seed(0);
    expect(Array.from(binomial(0, 0.5, 1))).toEqual([0]);
    expect(randomSample(1)[0]).toBe(fixture.random_sample_first20.data[1]);
  });

  it('random groups the functions', () => {
    random.seed(0);
    expect(random.randn(1)[0]).toBe(fixture.randn_first20.data[0]);
  });
});

describeBackends('random argument checks', () => {
  it('seed rejects bad seeds', () => {
    expect(() => seed(-1)).toThrow(RangeError);
    expect(() => seed(2 ** 32)).toThrow(RangeError);
    expect(() => seed(1.5)).toThrow('seed: n must be an integer in [0, 4294967295], got 1.5');
    expect(() => seed('1' as unknown as number)).toThrow(TypeError);
  });

  it('counts must be non-negative integers', () => {
    expect(() => randn(-1)).toThrow('randn: count must be an integer >= 0, got -1');
    expect(() => randomSample(2.5)).toThrow(RangeError);
    expect(() => randn(null as unknown as number)).toThrow(TypeError);
  });

  it('binomial rejects bad n and p', () => {
    expect(() => binomial(-1, 0.5, 1)).toThrow(RangeError);
    expect(() => binomial(1, 1.5, 1)).toThrow(
      'binomial: p must be a finite number >= 0 and <= 1, got 1.5',
    );
    expect(() => binomial(1, NaN, 1)).toThrow(RangeError);
    expect(() => binomial(1, '0.5' as unknown as number, 1)).toThrow(TypeError);
  });

  it('shuffle rejects non-arrays', () => {
    expect(() => shuffle({} as unknown as number[])).toThrow(
      'shuffle: array must be a number[] or a typed array, got an object',
    );
  });

  it('shuffleTogether rejects mismatched rows', () => {
    const X = Matrix.zeros(3, 2);
    expect(() => shuffleTogether(X, new Uint8Array(4))).toThrow(
      'shuffleTogether: item 1 has 4 rows, expected 3 like item 0',
    );
    expect(() => shuffleTogether()).toThrow(TypeError);
  });

  it('a rejected call keeps the stream', () => {
    seed(0);
    expect(() => binomial(1, 2, 5)).toThrow(RangeError);
    expect(randomSample(1)[0]).toBe(fixture.random_sample_first20.data[0]);
  });

  it('init rejects bad options', () => {
    expect(() => init({ precision: 'exact' as never })).toThrow(
      'init: precision must be "fast" or "reference", got "exact"',
    );
    expect(() => init({ seed: -3 })).toThrow(RangeError);
    expect(() => init(null as never)).toThrow(TypeError);
  });

  it('a rejected init changes nothing', () => {
    init({ precision: 'reference' });
    expect(() => init({ seed: 1, precision: 'exact' as never })).toThrow(RangeError);
    expect(getPrecision()).toBe('reference');
    expect(randn(1)[0]).toBe(fixture.randn_first20.data[0]);
  });
});
