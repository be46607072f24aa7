// `nnfs train`, `evaluate` and `predict` run in-process on short spiral runs: the files they
// write, the book's log lines, and agreement with the library called directly.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describeBackends } from '../helpers/backends.js';
import { init } from '../../lib/init.js';
import { spiralData } from '../../lib/datasets/spiral.js';
import { Model } from '../../lib/model/model.js';
import { formatFixed3 } from '../../lib/model/log-format.js';
import { classColor, tint } from '../../lib/plot/palette.js';
import { argmaxRows } from '../../lib/cli/figures.js';
import { Matrix } from '../../lib/matrix.js';
import { nnfs } from './helpers.js';

interface OptimizerRun {
  label: string;
  snapshots: { updates_applied: number; loss: { value: number }; acc: { value: number } }[];
}
const optimizerRuns: OptimizerRun[] = JSON.parse(
  readFileSync(new URL('../fixtures/ch10_optimizers.json', import.meta.url), 'utf8'),
).variant_crexp.runs;
// The chapter 10 runs that the CLI presets reproduce, by --optimizer name.
const BOOK_RUNS: [string, string][] = [
  ['sgd', 'SGD_decay1e-3_momentum0.9'],
  ['adagrad', 'Adagrad_decay1e-4'],
  ['rmsprop', 'RMSprop_lr0.02_decay1e-5_rho0.999'],
  ['adam', 'Adam_lr0.05_decay5e-7'],
];

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'nnfs-cli-train-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

function readPng(path: string): PNG {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  return PNG.sync.read(bytes);
}

function countPixels(png: PNG, color: readonly number[]): number {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const d = png.data;
    if (d[i] === color[0] && d[i + 1] === color[1] && d[i + 2] === color[2]) count++;
  }
  return count;
}

describeBackends('nnfs train', (backend) => {
  test('spiral run saves model and figures', async () => {
    const cwd = join(directory, `spiral-${backend}`);
    const run = await nnfs(['train', '--epochs', '50', '--print-every', '10', '--backend',
      backend], cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'training on spiral: 300 samples of 2 features, 3 classes, 50 epochs, full batch, ' +
        `optimizer adam, backend ${backend}`,
    );
    expect(lines.filter((line) => line.startsWith('epoch: '))).toHaveLength(5);
    expect(lines[1]).toMatch(/^epoch: 0, acc: \d\.\d{3}, loss: \d\.\d{3}, lr: 0\.05$/);
    expect(lines[5]).toMatch(/^epoch: 40, /);
    expect(lines).toContainEqual(expect.stringMatching(/^validation, acc: \d\.\d{3}, loss: /));
    expect(lines).toContain('model saved to nnfs-output/spiral/model.safetensors');
    expect(lines).toContain('training plot saved to nnfs-output/spiral/training.png');
    expect(lines).toContain('decision regions saved to nnfs-output/spiral/decision-regions.png');

    const output = join(cwd, 'nnfs-output', 'spiral');
    expect(existsSync(join(output, 'model.safetensors'))).toBe(true);

    const training = readPng(join(output, 'training.png'));
    expect(training.width).toBe(800);
    expect(training.height).toBe(680);
    expect(countPixels(training, [255, 255, 255])).toBeLessThan(800 * 680 * 0.99);
    expect(countPixels(training, classColor(0))).toBeGreaterThan(200);

    const regions = readPng(join(output, 'decision-regions.png'));
    expect(regions.width).toBe(588);
    expect(regions.height).toBe(590);
    for (let k = 0; k < 3; k++) {
      // Data points in the full class colour, and predicted regions in its tint.
      expect(countPixels(regions, classColor(k))).toBeGreaterThan(100);
      expect(countPixels(regions, tint(classColor(k), 0.6))).toBeGreaterThan(1000);
    }
  });

  test('predict and evaluate match the library', async () => {
    const cwd = join(directory, `predict-${backend}`);
    const modelPath = join(cwd, 'model.safetensors');
    const trained = await nnfs(['train', '--epochs', '30', '--save', modelPath, '--backend',
      backend], cwd);
    expect(trained.code).toBe(0);
    const model = Model.load(modelPath);

    const points = [[0.1, 0.2], [-0.5, 0.3], [0, -0.8], [0.7, 0.7]];
    writeFileSync(join(cwd, 'points.csv'), `x,y\n${points.map((p) => p.join(',')).join('\n')}\n`);
    const predicted = await nnfs(['predict', '--model', 'model.safetensors', '--input',
      'points.csv', '--top', '2', '--backend', backend], cwd);
    expect(predicted.stderr).toBe('');
    expect(predicted.code).toBe(0);
    const output = model.predict(Matrix.from(points));
    const classes = argmaxRows(output);
    const lines = predicted.stdout.trim().split('\n');
    expect(lines).toHaveLength(points.length);
    lines.forEach((line, r) => {
      const fields = line.split('\t');
      expect(fields).toHaveLength(4);
      expect(Number(fields[0])).toBe(classes[r]);
      expect(fields[1]).toBe(output.get(r, classes[r]).toFixed(4));
      expect(Number(fields[3])).toBeLessThanOrEqual(Number(fields[1]));
    });

    const evaluated = await nnfs(['evaluate', '--model', 'model.safetensors', '--dataset',
      'spiral', '--backend', backend], cwd);
    expect(evaluated.code).toBe(0);
    init({ seed: 1 });
    const testData = spiralData(100, 3);
    const expected = model.evaluate(testData.X, testData.y, { log: () => {} });
    expect(evaluated.stdout).toBe(
      `spiral: 300 samples, loss: ${expected.loss.toFixed(6)}, ` +
        `accuracy: ${expected.accuracy.toFixed(4)}\n`,
    );
  });

  test.each(BOOK_RUNS)('--optimizer %s prints the book values', async (optimizer, label) => {
    const cwd = join(directory, `book-${optimizer}-${backend}`);
    const run = await nnfs(['train', '--optimizer', optimizer, '--epochs', '11', '--print-every',
      '1', '--precision', 'reference', '--backend', backend], cwd);
    expect(run.code).toBe(0);
    const snapshots = optimizerRuns.find((entry) => entry.label === label)!.snapshots;
    for (const snapshot of snapshots) {
      const prefix = `epoch: ${snapshot.updates_applied}, acc: ` +
        `${formatFixed3(snapshot.acc.value)}, loss: ${formatFixed3(snapshot.loss.value)}, lr: `;
      expect(run.stdout).toContain(`\n${prefix}`);
    }
  });

  test('batched run prints the Model chapter lines', async () => {
    const cwd = join(directory, `batched-${backend}`);
    const run = await nnfs(['train', '--dataset', 'vertical', '--epochs', '2', '--batch-size',
      '128', '--print-every', '2', '--backend', backend], cwd);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    // 300 samples in batches of 128 make steps 0, 1 and 2; every second step and the last print.
    expect(lines[1]).toBe('epoch: 1');
    expect(lines[2]).toMatch(/^step: 0, /);
    expect(lines[3]).toMatch(/^step: 2, /);
    expect(lines[4]).toMatch(/^training, acc: \d\.\d{3}, loss: /);
    expect(lines[6]).toBe('epoch: 2');
    expect(lines[2]).toMatch(
      /^step: 0, acc: \d\.\d{3}, loss: \d\.\d{3} \(data_loss: \d\.\d{3}, reg_loss: 0\.000\), lr: /,
    );
    expect(lines[5]).toMatch(/^epoch time: \d+\.\d{3} s$/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^time per epoch: \d+\.\d{3} s \(mean of 2\)$/),
    );
    expect(existsSync(join(cwd, 'nnfs-output', 'vertical', 'decision-regions.png'))).toBe(true);
  });

  test('terminal run shows a progress bar', async () => {
    const cwd = join(directory, `tty-${backend}`);
    const run = await nnfs(['train', '--epochs', '20', '--backend', backend], cwd, true);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/epoch 20\/20 .* 100% \| loss \d\.\d{3} \| acc \d\.\d{3} \| lr /);
    expect(run.stdout).toMatch(/\nepoch: 19, acc: \d\.\d{3}, loss: \d\.\d{3}, lr: /);
    expect(run.stdout).not.toMatch(/\nepoch: 0, /);
  });

  test('predict rejects a width mismatch', async () => {
    const cwd = join(directory, `mismatch-${backend}`);
    const trained = await nnfs(['train', '--epochs', '1', '--backend', backend], cwd);
    expect(trained.code).toBe(0);
    writeFileSync(join(cwd, 'wide.csv'), '1,2,3\n');
    const run = await nnfs(['predict', '--model', 'nnfs-output/spiral/model.safetensors',
      '--input', 'wide.csv', '--backend', backend], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'nnfs predict: model nnfs-output/spiral/model.safetensors expects 2 inputs per sample, but ' +
        'wide.csv has 3 columns\n',
    );
  });
});
