// The image path of the nnfs command on a small synthetic IDX dataset: batched training with a
// test-set evaluation after every epoch, training.png with validation curves, and predict on a
// 28x28 PNG with Fashion-MNIST class names.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { describeBackends } from '../helpers/backends.js';
import { FASHION_MNIST_CLASSES } from '../../lib/datasets/fashion-mnist.js';
import { scalePixels } from '../../lib/datasets/pixels.js';
import { Model } from '../../lib/model/model.js';
import { Matrix } from '../../lib/matrix.js';
import { argmaxRows } from '../../lib/cli/figures.js';
import { classColor } from '../../lib/plot/palette.js';
import { nnfs, npyBytes } from './helpers.js';

const SIDE = 28;
const PIXELS = SIDE * SIDE;

// Image i of class k: dark noise-free background with rows 2k and 2k + 1 lit, so every class
// is easy to tell apart and a few epochs learn it.
function image(label: number, i: number): Uint8Array {
  const pixels = new Uint8Array(PIXELS);
  for (let c = 0; c < SIDE; c++) {
    pixels[2 * label * SIDE + c] = 200 + ((i * 7 + c) % 56);
    pixels[(2 * label + 1) * SIDE + c] = 255 - ((i * 3 + c) % 40);
  }
  return pixels;
}

function idx(magic: number, dims: number[], body: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((size, d) => header.writeUInt32BE(size, 4 + 4 * d));
  return Buffer.concat([header, body]);
}

function writeSplit(directory: string, prefix: string, count: number): void {
  const images = new Uint8Array(count * PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 10;
    images.set(image(i % 10, i), i * PIXELS);
  }
  writeFileSync(join(directory, `${prefix}-images-idx3-ubyte.gz`),
    gzipSync(idx(0x803, [count, SIDE, SIDE], images)));
  writeFileSync(join(directory, `${prefix}-labels-idx1-ubyte`), idx(0x801, [count], labels));
}

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'nnfs-cli-images-'));
  mkdirSync(join(directory, 'data'));
  writeSplit(join(directory, 'data'), 'train', 300);
  writeSplit(join(directory, 'data'), 't10k', 50);
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describeBackends('nnfs on IDX images', (backend) => {
  test('trains, evaluates and predicts a PNG', async () => {
    const cwd = directory;
    const modelPath = join(cwd, `model-${backend}.safetensors`);
    const run = await nnfs(['train', '--dataset', 'idx:data', '--epochs', '3', '--batch-size',
      '32', '--hidden', '16', '--print-every', '5', '--save', modelPath, '--backend', backend],
    cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'training on idx: 300 samples of 784 features, 10 classes, 3 epochs, batch size 32, ' +
        `optimizer adam, backend ${backend}`,
    );
    expect(lines.filter((line) => line.startsWith('validation, acc: '))).toHaveLength(3);
    expect(lines.filter((line) => /^epoch time: \d+\.\d{3} s$/.test(line))).toHaveLength(3);
    expect(lines).toContainEqual(expect.stringMatching(/^time per epoch: .* \(mean of 3\)$/));
    expect(existsSync(join(cwd, 'decision-regions.png'))).toBe(false);

    // Validation curves are drawn in the second class colour.
    const training = PNG.sync.read(readFileSync(join(cwd, 'training.png')));
    let validationPixels = 0;
    const [r, g, b] = classColor(1);
    for (let i = 0; i < training.data.length; i += 4) {
      const d = training.data;
      if (d[i] === r && d[i + 1] === g && d[i + 2] === b) validationPixels++;
    }
    expect(validationPixels).toBeGreaterThan(100);

    const evaluated = await nnfs(['evaluate', '--model', modelPath, '--dataset', 'idx:data',
      '--backend', backend], cwd);
    expect(evaluated.code).toBe(0);
    expect(evaluated.stdout).toMatch(/^idx: 50 samples, loss: \d+\.\d{6}, accuracy: \d\.\d{4}\n$/);

    const pixels = image(9, 0);
    const png = new PNG({ width: SIDE, height: SIDE });
    for (let i = 0; i < PIXELS; i++) png.data.set([pixels[i], pixels[i], pixels[i], 255], i * 4);
    writeFileSync(join(cwd, 'boot.png'), PNG.sync.write(png));
    const predicted = await nnfs(['predict', '--model', modelPath, '--input', 'boot.png',
      '--backend', backend], cwd);
    expect(predicted.stderr).toBe('');
    expect(predicted.code).toBe(0);

    const output = Model.load(modelPath).predict(new Matrix(1, PIXELS, scalePixels(pixels)));
    const expected = argmaxRows(output)[0];
    // IDX files carry no class names, so the line has the index and the confidence only.
    expect(predicted.stdout).toBe(`${expected}\t${output.get(0, expected).toFixed(4)}\n`);

    // A uint8 .npy contains pixels, so it is scaled exactly as the PNG was.
    writeFileSync(join(cwd, 'boot-u8.npy'), npyBytes(Array.from(pixels), [1, SIDE, SIDE], '|u1'));
    const fromBytes = await nnfs(['predict', '--model', modelPath, '--input', 'boot-u8.npy',
      '--backend', backend], cwd);
    expect(fromBytes.stderr).toBe('');
    expect(fromBytes.code).toBe(0);
    expect(fromBytes.stdout).toBe(predicted.stdout);

    // A float32 .npy is used as given: the same pixels as floats are not scaled.
    writeFileSync(join(cwd, 'boot-f4.npy'), npyBytes(Array.from(pixels), [1, SIDE, SIDE], '<f4'));
    const fromFloats = await nnfs(['predict', '--model', modelPath, '--input', 'boot-f4.npy',
      '--backend', backend], cwd);
    expect(fromFloats.code).toBe(0);
    const raw = Model.load(modelPath).predict(new Matrix(1, PIXELS, Float32Array.from(pixels)));
    const rawClass = argmaxRows(raw)[0];
    expect(fromFloats.stdout).toBe(`${rawClass}\t${raw.get(0, rawClass).toFixed(4)}\n`);
  });

  test('predict prints class names stored in the model', async () => {
    const cwd = directory;
    const trainedPath = join(cwd, `names-${backend}.safetensors`);
    const trained = await nnfs(['train', '--dataset', 'idx:data', '--epochs', '1', '--batch-size',
      '64', '--hidden', '8', '--save', trainedPath, '--backend', backend], cwd);
    expect(trained.code).toBe(0);
    const model = Model.load(trainedPath);
    expect(model.metadata).toEqual({});
    const namedPath = join(cwd, `named-${backend}.safetensors`);
    model.save(namedPath, { metadata: { classNames: [...FASHION_MNIST_CLASSES] } });

    const pixels = image(9, 0);
    writeFileSync(join(cwd, 'named.npy'), npyBytes(Array.from(pixels), [PIXELS], '|u1'));
    const predicted = await nnfs(['predict', '--model', namedPath, '--input', 'named.npy',
      '--top', '2', '--backend', backend], cwd);
    expect(predicted.stderr).toBe('');
    expect(predicted.code).toBe(0);

    const output = model.predict(new Matrix(1, PIXELS, scalePixels(pixels)));
    const [first, second] = Array.from(output.data.keys()).sort((a, b) => output.data[b] -
      output.data[a]);
    expect(predicted.stdout).toBe(
      `${first}\t${FASHION_MNIST_CLASSES[first]}\t${output.data[first].toFixed(4)}\t` +
        `${second}\t${FASHION_MNIST_CLASSES[second]}\t${output.data[second].toFixed(4)}\n`,
    );
  });

  test('missing IDX files are a usage error', async () => {
    const run = await nnfs(['train', '--dataset', 'idx:nowhere', '--backend', backend],
      directory);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^nnfs train: cannot load dataset idx: .*not found/);
  });
});
