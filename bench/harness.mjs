// Shared pieces of the benchmark workloads: timing, statistics, result checks and the NumPy
// subprocess. Every workload times through `measure`, so all tables mean the same thing: the
// median, min and max over `repeats` samples of the time of one call, where each sample runs
// the call `inner` times back to back and divides (short calls are too fast for one timer read).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Times `fn`; the warm-up runs first and is reported apart, never mixed into the samples. */
export function measure(fn, { inner = 1, repeats = 15, warmup = 3 } = {}) {
  const warmStart = process.hrtime.bigint();
  for (let w = 0; w < warmup * inner; w++) fn();
  const warmupSeconds = Number(process.hrtime.bigint() - warmStart) / 1e9;

  const samples = [];
  for (let r = 0; r < repeats; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < inner; i++) fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e9 / inner);
  }
  return { ...summarize(samples), warmupSeconds };
}

/** Median, min and max of a list of seconds. */
export function summarize(samples) {
  const sorted = [...samples].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], repeats: sorted.length };
}

/**
 * Picks `inner` so that one sample takes about `targetSeconds`, from one probe call. Keeps fast
 * kernels measurable and slow ones (js at 1024 x 1024) to a single call per sample.
 */
export function innerFor(fn, targetSeconds = 0.02) {
  fn();
  const start = process.hrtime.bigint();
  fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return Math.max(1, Math.min(100_000, Math.round(targetSeconds / Math.max(seconds, 1e-9))));
}

/** Throws when `got` and `expected` differ by more than `rtol` relative (or `atol`). */
export function expectClose(what, got, expected, rtol, atol = 0) {
  const limit = Math.max(atol, rtol * Math.abs(expected));
  if (!(Math.abs(got - expected) <= limit)) {
    throw new Error(`${what}: got ${got}, expected ${expected} within ${limit}`);
  }
}

/**
 * Throws when two arrays differ anywhere by more than `rtol` relative to the larger magnitude
 * or `atol` absolute, whichever is looser; returns the largest difference seen.
 */
export function expectArraysClose(what, got, expected, rtol, atol) {
  if (got.length !== expected.length) {
    throw new Error(`${what}: got ${got.length} values, expected ${expected.length}`);
  }
  let worst = 0;
  for (let x = 0; x < got.length; x++) {
    const difference = Math.abs(got[x] - expected[x]);
    const scale = Math.max(Math.abs(got[x]), Math.abs(expected[x]));
    if (!(difference <= Math.max(atol, rtol * scale))) {
      throw new Error(`${what}: entry ${x} is ${got[x]}, expected ${expected[x]}`);
    }
    worst = Math.max(worst, difference);
  }
  return worst;
}

let numpyAvailable;

/** Returns whether `python3 -c "import numpy"` works, checked once. */
export function hasNumpy() {
  if (numpyAvailable === undefined) {
    try {
      execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore', env: numpyEnv() });
      numpyAvailable = true;
    } catch {
      numpyAvailable = false;
    }
  }
  return numpyAvailable;
}

/**
 * Returns the environment for NumPy. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE may be set on some
 * machines for the older system OpenBLAS that the addon links. They make NumPy's newer bundled
 * OpenBLAS pick a slower kernel, so they are removed for the NumPy process alone.
 */
function numpyEnv(threads = 1) {
  const env = { ...process.env, OPENBLAS_NUM_THREADS: String(threads) };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/**
 * Runs bench/numpy_bench.py with a workload name and `key=value` arguments and returns its
 * JSON, or null when NumPy is missing.
 */
export function runNumpy(workload, args = {}, threads = 1) {
  if (!hasNumpy()) return null;
  const argv = [join(here, 'numpy_bench.py'), workload];
  for (const [key, value] of Object.entries(args)) argv.push(`${key}=${value}`);
  const output = execFileSync('python3', argv, {
    env: numpyEnv(threads),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output);
}

/** A target line: `ratio` compared with `limit` in the direction `kind` ('max' or 'min'). */
export function target(name, ratio, limit, kind = 'max') {
  let met = null;
  if (Number.isFinite(ratio)) met = kind === 'max' ? ratio <= limit : ratio >= limit;
  return { name, ratio, limit, kind, met };
}
