// Option parsing of the nnfs command: defaults, every train option, and bad input reported as
// one `nnfs <command>: ...` line (or `nnfs: ...` without a known command) with exit code 2.
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { parseTrainSettings } from '../../lib/cli/train-settings.js';
import { parseInteger, parseNumber } from '../../lib/cli/args.js';
import { UsageError } from '../../lib/cli/usage-error.js';
import { savedMetadata } from '../../lib/cli/train.js';
import { FASHION_MNIST_CLASSES } from '../../lib/datasets/fashion-mnist.js';
import { nnfs } from './helpers.js';

const CWD = '/work/project';

describe('train defaults', () => {
  test('spiral reproduces the book run', () => {
    const settings = parseTrainSettings([], CWD);
    expect(settings.dataset).toEqual({ kind: 'spiral', name: 'spiral' });
    expect(settings.epochs).toBe(10001);
    expect(settings.batchSize).toBeUndefined();
    expect(settings.optimizer).toBe('adam');
    expect(settings.optimizerSettings).toEqual({ learningRate: 0.05, decay: 5e-7 });
    expect(settings.hidden).toBe(64);
    expect(settings.hiddenLayers).toBe(1);
    expect(settings.samples).toBe(100);
    expect(settings.classes).toBe(3);
    expect(settings.seed).toBe(0);
    expect(settings.precision).toBe('fast');
    expect(settings.backend).toBeUndefined();
    expect(settings.printEvery).toBe(100);
    expect(settings.savePath).toBe(join(CWD, 'nnfs-output', 'spiral', 'model.safetensors'));
    expect(settings.outputDirectory).toBe(join(CWD, 'nnfs-output', 'spiral'));
  });

  test('fashion-mnist uses the Model chapter run', () => {
    const settings = parseTrainSettings(['--dataset', 'fashion-mnist'], CWD);
    expect(settings.twoDimensional).toBe(false);
    expect(settings.epochs).toBe(10);
    expect(settings.batchSize).toBe(128);
    expect(settings.optimizerSettings).toEqual({ learningRate: 0.001, decay: 1e-3 });
    expect(settings.hidden).toBe(128);
    expect(settings.hiddenLayers).toBe(2);
    expect(settings.printEvery).toBe(100);
    expect(settings.savePath).toBe(join(CWD, 'nnfs-output', 'fashion-mnist',
      'model.safetensors'));
  });

  test('idx names a directory', () => {
    const settings = parseTrainSettings(['--dataset', 'idx:data/fashion'], CWD);
    expect(settings.dataset).toEqual({ kind: 'idx', name: 'idx', directory: 'data/fashion' });
    expect(settings.savePath).toBe(join(CWD, 'nnfs-output', 'idx', 'model.safetensors'));
  });

  test('each optimizer gets its book settings', () => {
    const optimizer = (name: string) =>
      parseTrainSettings(['--optimizer', name], CWD).optimizerSettings;
    expect(optimizer('sgd')).toEqual({ learningRate: 1, decay: 1e-3, momentum: 0.9 });
    expect(optimizer('adagrad')).toEqual({ learningRate: 1, decay: 1e-4 });
    expect(optimizer('rmsprop')).toEqual({ learningRate: 0.02, decay: 1e-5, rho: 0.999 });
  });
});

describe('train options', () => {
  test('every option is applied', () => {
    const settings = parseTrainSettings([
      '--dataset', 'vertical',
      '--epochs', '50',
      '--batch-size', '32',
      '--optimizer', 'rmsprop',
      '--learning-rate', '0.01',
      '--decay', '0',
      '--hidden', '16',
      '--samples', '40',
      '--classes', '4',
      '--seed', '7',
      '--precision', 'reference',
      '--backend', 'js',
      '--save', 'out/m.safetensors',
      '--print-every', '5',
      '--verbose',
    ], CWD);
    expect(settings.dataset.kind).toBe('vertical');
    expect(settings.epochs).toBe(50);
    expect(settings.batchSize).toBe(32);
    expect(settings.optimizer).toBe('rmsprop');
    expect(settings.optimizerSettings).toEqual({ learningRate: 0.01, decay: 0, rho: 0.999 });
    expect(settings.hidden).toBe(16);
    expect(settings.samples).toBe(40);
    expect(settings.classes).toBe(4);
    expect(settings.seed).toBe(7);
    expect(settings.precision).toBe('reference');
    expect(settings.backend).toBe('js');
    expect(settings.savePath).toBe(join(CWD, 'out', 'm.safetensors'));
    expect(settings.outputDirectory).toBe(join(CWD, 'out'));
    expect(settings.printEvery).toBe(5);
  });

  test('--opt=value form and absolute --save', () => {
    const settings = parseTrainSettings(['--epochs=3', '--save=/tmp/x/model.safetensors'], CWD);
    expect(settings.epochs).toBe(3);
    expect(settings.savePath).toBe('/tmp/x/model.safetensors');
  });
});

describe('saved metadata', () => {
  test('fashion-mnist stores its class names', () => {
    const settings = parseTrainSettings(['--dataset', 'fashion-mnist'], CWD);
    expect(savedMetadata(settings)).toEqual({ classNames: [...FASHION_MNIST_CLASSES] });
  });

  test.each(['idx:data', 'spiral', 'sine'])('%s stores no class names', (dataset) => {
    expect(savedMetadata(parseTrainSettings(['--dataset', dataset], CWD))).toEqual({});
  });
});

describe('number parsing', () => {
  test('parseInteger accepts plain digits', () => {
    expect(parseInteger('epochs', '42', 1, 100)).toBe(42);
    expect(parseInteger('epochs', ' 7 ', 1, 100)).toBe(7);
  });

  test.each(['', 'ten', '1.5', '1e3', '0x10', '12abc'])('parseInteger rejects "%s"', (text) => {
    expect(() => parseInteger('epochs', text, 1, 100)).toThrow(UsageError);
    expect(() => parseInteger('epochs', text, 1, 100)).toThrow(/--epochs must be a whole number/);
  });

  test('parseInteger rejects out of range', () => {
    expect(() => parseInteger('epochs', '0', 1, 100)).toThrow(
      '--epochs must be between 1 and 100, got 0',
    );
  });

  test('parseNumber accepts exponents', () => {
    expect(parseNumber('decay', '5e-7', 0)).toBe(5e-7);
  });

  test.each(['', 'abc', 'NaN', 'Infinity'])('parseNumber rejects "%s"', (text) => {
    expect(() => parseNumber('decay', text, 0)).toThrow(/--decay must be a number/);
  });

  test('parseNumber honours an exclusive minimum', () => {
    expect(() => parseNumber('learning-rate', '0', 0, true)).toThrow(
      '--learning-rate must be > 0, got 0',
    );
    expect(() => parseNumber('decay', '-1', 0)).toThrow('--decay must be >= 0, got -1');
  });
});

describe('bad input', () => {
  const cases: [string[], RegExp][] = [
    [['train', '--bogus'], /^nnfs train: unknown option '--bogus' \(see nnfs train --help\)\n$/],
    [
      ['train', '--dataset', 'mnist'],
      /--dataset must be spiral, vertical, sine, fashion-mnist or idx:DIR, got "mnist"/,
    ],
    [['train', '--dataset', 'idx:'], /needs a directory after "idx:"/],
    [['train', '--epochs', 'many'], /--epochs must be a whole number, got "many"/],
    [['train', '--epochs', '0'], /--epochs must be between 1 and/],
    [['train', '--batch-size=-4'], /--batch-size must be between 1 and/],
    [
      ['train', '--batch-size', '-4'],
      /argument is ambiguous: to pass a value starting with "-", write --batch-size=VALUE/,
    ],
    [['train', '--learning-rate', '0'], /--learning-rate must be > 0, got 0/],
    [['train', '--decay', 'fast'], /--decay must be a number, got "fast"/],
    [
      ['train', '--optimizer', 'lbfgs'],
      /--optimizer must be one of "sgd", "adagrad", "rmsprop", "adam", got "lbfgs"/,
    ],
    [['train', '--backend', 'gpu'], /--backend must be one of "native", "js", got "gpu"/],
    [['train', '--precision', 'double'], /--precision must be one of "fast", "reference"/],
    [['train', '--seed', '4294967296'], /--seed must be between 0 and 4294967295/],
    [['train', '--classes', '1'], /--classes must be between 2 and 256/],
    [['train', '--epochs'], /^nnfs train: option '--epochs <value>' argument missing/],
    [['train', 'extra'], /^nnfs train: unexpected argument "extra"/],
    [
      ['train', '--dataset', 'fashion-mnist', '--samples', '10'],
      /--samples applies to the generated datasets/,
    ],
    [
      ['train', '--task', 'regression', '--dataset', 'spiral'],
      /^nnfs train: --task regression needs --dataset sine, got --dataset spiral$/m,
    ],
    [
      ['train', '--task', 'binary', '--dataset', 'sine'],
      /^nnfs train: --dataset sine needs --task regression, got --task binary$/m,
    ],
    [
      ['train', '--task', 'binary', '--classes', '3'],
      /^nnfs train: --task binary needs --classes 2, got --classes 3$/m,
    ],
    [
      ['train', '--task', 'binary', '--dataset', 'fashion-mnist'],
      /--task binary needs a generated 2-class dataset \(spiral or vertical\), got --dataset fash/,
    ],
    [
      ['train', '--task', 'ranking'],
      /--task must be one of "classification", "binary", "regression", got "ranking"/,
    ],
    [['train', '--dataset', 'sine', '--classes', '2'], /--classes applies to the generated 2-D/],
    [['train', '--dropout', '1'], /--dropout must be < 1, got 1/],
    [['train', '--l2=-1'], /--l2 must be >= 0, got -1/],
    [['train', '--dataset', 'fashion-mnist', '--test-samples', '5'], /--test-samples applies/],
    [['evaluate', '--model', 'm.safetensors', '--dataset', 'sine', '--seed', '3'],
      /--seed applies to the generated 2-D datasets \(spiral, vertical\), not sine/],
    [['fit'], /^nnfs: unknown command "fit", expected train, evaluate or predict/],
    [['evaluate', '--dataset', 'spiral'], /^nnfs evaluate: --model PATH is required\n$/],
    [['evaluate', '--model', 'm.safetensors'], /^nnfs evaluate: --dataset NAME is required\n$/],
    [['predict', '--input', 'x.csv'], /^nnfs predict: --model PATH is required\n$/],
    [
      ['predict', '--model', 'missing.safetensors', '--input', 'x.csv'],
      /cannot read model file .*missing.safetensors: file not found/,
    ],
  ];

  test.each(cases)('nnfs %j', async (argv, message) => {
    const run = await nnfs(argv, '/tmp');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  test('--verbose adds the stack trace', async () => {
    const run = await nnfs(['train', '--epochs', 'x', '--verbose']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^nnfs train: --epochs must be a whole number/);
    expect(run.stderr).toMatch(/\n {4}at /);
  });

  test('no command prints the usage and fails', async () => {
    const run = await nnfs([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Usage: nnfs <command>/);
  });
});

describe('help', () => {
  test.each([
    [['--help'], /^Usage: nnfs <command>/],
    [['train', '--help'], /nnfs-output\/<dataset>\/model\.safetensors/],
    [['train', '-h'], /^Usage: nnfs train/],
    [['evaluate', '--help'], /^Usage: nnfs evaluate/],
    [['predict', '--help'], /^Usage: nnfs predict/],
  ])('nnfs %j', async (argv, text) => {
    const run = await nnfs(argv as string[]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(text);
    expect(run.stderr).toBe('');
  });
});
