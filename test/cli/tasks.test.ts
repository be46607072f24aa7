// `nnfs train --task binary|regression`, --l2 and --dropout on short runs: the book's first log
// line of chapters 14 to 17, the saved model reloaded by predict and evaluate, and the figures.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describeBackends } from '../helpers/backends.js';
import { init } from '../../lib/init.js';
import { spiralData } from '../../lib/datasets/spiral.js';
import { sineData } from '../../lib/datasets/sine.js';
import { LayerDense } from '../../lib/layers/dense.js';
import { LayerDropout } from '../../lib/layers/dropout.js';
import { ActivationLinear } from '../../lib/activations/linear.js';
import { ActivationSigmoid } from '../../lib/activations/sigmoid.js';
import { Model } from '../../lib/model/model.js';
import { Matrix } from '../../lib/matrix.js';
import { DATA_COLOR, PREDICTION_COLOR } from '../../lib/plot/regression-plot.js';
import { classColor, tint } from '../../lib/plot/palette.js';
import { nnfs } from './helpers.js';

interface LogRecord {
  epoch: number;
  acc: number;
  loss: number;
  data_loss: number;
  reg_loss: number;
  lr: number;
}
const chapters = (JSON.parse(
  readFileSync(new URL('../fixtures/ch14_17_first_epochs.json', import.meta.url), 'utf8'),
) as { chapters: Record<string, { crexp: LogRecord[] }> }).chapters;

/** Formats a chapter's epoch-0 record as the book's Python script prints it. */
function firstLine(chapter: string): string {
  const record = chapters[chapter].crexp[0];
  const fixed = (value: number) => value.toFixed(3);
  return `epoch: 0, acc: ${fixed(record.acc)}, loss: ${fixed(record.loss)} ` +
    `(data_loss: ${fixed(record.data_loss)}, reg_loss: ${fixed(record.reg_loss)}), ` +
    `lr: ${record.lr}`;
}

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'nnfs-cli-tasks-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

function countPixels(png: PNG, color: readonly number[]): number {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const d = png.data;
    if (d[i] === color[0] && d[i + 1] === color[1] && d[i + 2] === color[2]) count++;
  }
  return count;
}

describeBackends('nnfs train tasks', (backend) => {
  test('chapter 14 options log the loss parts', async () => {
    const cwd = join(directory, `ch14-${backend}`);
    const run = await nnfs(['train', '--l2', '5e-4', '--learning-rate', '0.02', '--epochs', '30',
      '--print-every', '10', '--backend', backend], cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'training on spiral: 300 samples of 2 features, 3 classes, L2 0.0005, 30 epochs, ' +
        `full batch, optimizer adam, backend ${backend}`,
    );
    expect(lines[1]).toBe(firstLine('14'));
    expect(lines[3]).toMatch(/^epoch: 20, acc: \d\.\d{3}, loss: \d\.\d{3} \(data_loss: /);
    const model = Model.load(join(cwd, 'nnfs-output', 'spiral', 'model.safetensors'));
    const first = model.layers[0] as LayerDense;
    expect(first.weightRegularizerL2).toBe(5e-4);
    expect(first.biasRegularizerL2).toBe(5e-4);
    expect((model.layers[2] as LayerDense).weightRegularizerL2).toBe(0);
  });

  test('chapter 15 options add dropout', async () => {
    const cwd = join(directory, `ch15-${backend}`);
    const run = await nnfs(['train', '--samples', '1000', '--l2', '5e-4', '--dropout', '0.1',
      '--learning-rate', '0.05', '--decay', '5e-5', '--epochs', '20', '--print-every', '10',
      '--backend', backend], cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^training on spiral: 3000 samples of 2 features, 3 classes, L2 0\.0005, dropout 0\.1, /,
    );
    expect(lines[1]).toBe(firstLine('15'));
    const model = Model.load(join(cwd, 'nnfs-output', 'spiral', 'model.safetensors'));
    expect(model.layers[2]).toBeInstanceOf(LayerDropout);
    expect((model.layers[2] as LayerDropout).rate).toBe(0.1);
  });

  test('binary run saves, predicts and evaluates', async () => {
    const cwd = join(directory, `binary-${backend}`);
    const run = await nnfs(['train', '--dataset', 'spiral', '--classes', '2', '--task', 'binary',
      '--epochs', '30', '--print-every', '10', '--backend', backend], cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'training on spiral: 200 samples of 2 features, binary, L2 0.0005, 30 epochs, ' +
        `full batch, optimizer adam, backend ${backend}`,
    );
    expect(lines[1]).toBe(firstLine('16'));
    expect(lines).toContainEqual(expect.stringMatching(/^validation, acc: \d\.\d{3}, loss: /));
    expect(lines).toContain('decision regions saved to nnfs-output/spiral/decision-regions.png');

    const modelPath = join(cwd, 'nnfs-output', 'spiral', 'model.safetensors');
    const model = Model.load(modelPath);
    expect(model.layers[model.layers.length - 1]).toBeInstanceOf(ActivationSigmoid);
    expect(model.outputWidth()).toBe(1);

    const points = [[0.1, 0.2], [-0.5, 0.3], [0, -0.8], [0.7, 0.7]];
    writeFileSync(join(cwd, 'points.csv'), points.map((p) => p.join(',')).join('\n'));
    const predicted = await nnfs(['predict', '--model', modelPath, '--input', 'points.csv',
      '--backend', backend], cwd);
    expect(predicted.stderr).toBe('');
    expect(predicted.code).toBe(0);
    const output = model.predict(Matrix.from(points));
    const expected = points.map((_, r) => {
      const value = output.get(r, 0);
      return `${value > 0.5 ? 1 : 0}\t${value.toFixed(4)}`;
    });
    expect(predicted.stdout.trim().split('\n')).toEqual(expected);

    const evaluated = await nnfs(['evaluate', '--model', modelPath, '--dataset', 'spiral',
      '--backend', backend], cwd);
    expect(evaluated.stderr).toBe('');
    expect(evaluated.code).toBe(0);
    init({ seed: 1 });
    const testData = spiralData(100, 2);
    const targets = Matrix.from(Float32Array.from(testData.y), [testData.y.length, 1]);
    const result = model.evaluate(testData.X, targets, { log: () => {} });
    expect(evaluated.stdout).toBe(
      `spiral: 200 samples, loss: ${result.loss.toFixed(6)}, ` +
        `accuracy: ${result.accuracy.toFixed(4)}\n`,
    );

    const regions = PNG.sync.read(
      readFileSync(join(cwd, 'nnfs-output', 'spiral', 'decision-regions.png')),
    );
    for (let k = 0; k < 2; k++) {
      expect(countPixels(regions, classColor(k))).toBeGreaterThan(100);
    }
    expect(countPixels(regions, classColor(2))).toBe(0);
    expect(countPixels(regions, tint(classColor(0), 0.6)) +
      countPixels(regions, tint(classColor(1), 0.6))).toBeGreaterThan(1000);
  });

  test('regression run saves, predicts and plots', async () => {
    const cwd = join(directory, `regression-${backend}`);
    const run = await nnfs(['train', '--dataset', 'sine', '--task', 'regression', '--epochs',
      '30', '--print-every', '10', '--backend', backend], cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'training on sine: 1000 samples of 1 feature, regression, 30 epochs, full batch, ' +
        `optimizer adam, backend ${backend}`,
    );
    expect(lines[1]).toBe(firstLine('17'));
    expect(lines).toContain('regression plot saved to nnfs-output/sine/regression.png');
    expect(lines.some((line) => line.startsWith('decision regions'))).toBe(false);

    const output = join(cwd, 'nnfs-output', 'sine');
    const modelPath = join(output, 'model.safetensors');
    const model = Model.load(modelPath);
    expect(model.layers[model.layers.length - 1]).toBeInstanceOf(ActivationLinear);
    expect(model.layers.filter((layer) => layer instanceof LayerDense)).toHaveLength(3);

    const inputs = [0, 0.25, 0.5, 0.75];
    writeFileSync(join(cwd, 'x.csv'), `x\n${inputs.join('\n')}\n`);
    const predicted = await nnfs(['predict', '--model', modelPath, '--input', 'x.csv',
      '--backend', backend], cwd);
    expect(predicted.stderr).toBe('');
    expect(predicted.code).toBe(0);
    const values = model.predict(Matrix.from(inputs.map((x) => [x])));
    expect(predicted.stdout.trim().split('\n')).toEqual(
      inputs.map((_, r) => values.get(r, 0).toFixed(6)),
    );

    const evaluated = await nnfs(['evaluate', '--model', modelPath, '--dataset', 'sine',
      '--backend', backend], cwd);
    expect(evaluated.stderr).toBe('');
    expect(evaluated.code).toBe(0);
    const data = sineData();
    const result = model.evaluate(data.X, data.y, { log: () => {} });
    expect(evaluated.stdout).toBe(
      `sine: 1000 samples, loss: ${result.loss.toFixed(6)}, ` +
        `accuracy: ${result.accuracy.toFixed(4)}\n`,
    );

    const figure = join(output, 'regression.png');
    expect(existsSync(figure)).toBe(true);
    const png = PNG.sync.read(readFileSync(figure));
    expect(countPixels(png, [255, 255, 255])).toBeLessThan(png.width * png.height * 0.99);
    expect(countPixels(png, DATA_COLOR)).toBeGreaterThan(500);
    expect(countPixels(png, PREDICTION_COLOR)).toBeGreaterThan(500);
  });

  test('predict and evaluate reject a mismatched task', async () => {
    const cwd = join(directory, `mismatch-${backend}`);
    const trained = await nnfs(['train', '--dataset', 'sine', '--epochs', '1', '--backend',
      backend], cwd);
    expect(trained.code).toBe(0);
    const modelPath = 'nnfs-output/sine/model.safetensors';
    const evaluated = await nnfs(['evaluate', '--model', modelPath, '--dataset', 'spiral',
      '--backend', backend], cwd);
    expect(evaluated.code).toBe(2);
    expect(evaluated.stderr).toBe(
      `nnfs evaluate: model ${modelPath} is a regression model, so --dataset must be sine, got spiral\n`,
    );
    writeFileSync(join(cwd, 'x.csv'), '0.5\n');
    const predicted = await nnfs(['predict', '--model', modelPath, '--input', 'x.csv', '--top',
      '2', '--backend', backend], cwd);
    expect(predicted.code).toBe(2);
    expect(predicted.stderr).toBe(
      `nnfs predict: --top applies to classifiers, but model ${modelPath} is a regression model\n`,
    );
  });
});
