// Steady-state allocation: after a warm-up, 10,000 training steps of workloads A and B must move
// the V8 heap and the ArrayBuffer memory by less than 1 MB, both read after a full collection.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeNetwork } from './network.mjs';
import { target } from './harness.mjs';

export const name = 'memory';

const MB = 1024 * 1024;
const STEPS = 10_000;
export const A = { sizes: [2, 64, 3], data: 'spiral', batch: 300, learningRate: 0.05, decay: 5e-7 };
export const B = {
  sizes: [784, 128, 128, 10], data: 'uniform', batch: 128, learningRate: 0.001, decay: 1e-3,
};

function collect() {
  if (typeof globalThis.gc !== 'function') {
    throw new Error('memory: run node with --expose-gc (npm run bench does)');
  }
  globalThis.gc();
  globalThis.gc();
}

/** Heap and ArrayBuffer growth over STEPS steps that follow `warmup` steps. */
function growth(network, warmup) {
  for (let s = 0; s < warmup; s++) network.step();
  collect();
  const before = process.memoryUsage();
  for (let s = 0; s < STEPS; s++) network.step();
  collect();
  const after = process.memoryUsage();
  return {
    heap: after.heapUsed - before.heapUsed,
    arrayBuffers: after.arrayBuffers - before.arrayBuffers,
  };
}

/**
 * Counts the heap calls of the addon and OpenBLAS over STEPS steps of A and B, with the malloc
 * hook and child process of test/native/no-allocation.test.ts. Needs Linux, glibc and `cc`.
 */
function nativeHeapCalls() {
  const testDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'native');
  const scratch = mkdtempSync(join(tmpdir(), 'nnfs-malloc-count-'));
  try {
    const library = join(scratch, 'malloc-count.so');
    execFileSync('cc', ['-shared', '-fPIC', '-O2', '-o', library,
      join(testDir, 'malloc-count.c'), '-ldl'], { stdio: 'pipe' });
    const output = execFileSync(
      process.execPath,
      [join(testDir, 'malloc-count-child.mjs'), library, String(STEPS)],
      { env: { ...process.env, LD_PRELOAD: library }, encoding: 'utf8' },
    );
    const lines = output.trim().split('\n');
    return JSON.parse(lines[lines.length - 1]).windows;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function run({ native, quick }) {
  const cases = [];
  if (native !== null) {
    native.setNumThreads(1);
    cases.push(['A native', makeNetwork('native', A), 2_000]);
    if (!quick) cases.push(['B native', makeNetwork('native', B), 1_000]);
  }
  cases.push(['A js', makeNetwork('js', A), 2_000]);
  const rows = [];
  const targets = [];
  for (const [label, network, warmup] of cases) {
    const moved = growth(network, warmup);
    rows.push({
      variant: `${label}: ${STEPS} steps`,
      heapBytes: moved.heap,
      arrayBufferBytes: moved.arrayBuffers,
    });
    const worst = Math.max(Math.abs(moved.heap), Math.abs(moved.arrayBuffers));
    targets.push(target(`${label} steady state moves < 1 MB`, worst / MB, 1));
  }
  const notes = [];
  if (native !== null) {
    try {
      for (const window of nativeHeapCalls()) {
        if (window.label !== 'A fast' && window.label !== 'B fast') continue;
        const calls = window.allocations + window.frees;
        const name = `${window.label[0]} native: addon and OpenBLAS heap calls in ${STEPS} steps`;
        targets.push(target(name, calls, 0));
      }
    } catch (error) {
      notes.push(`Native heap calls not counted: ${error.message.split('\n')[0]}`);
    }
  }
  return { rows, targets, notes, kind: 'memory' };
}
