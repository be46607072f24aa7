// The benchmark runner behind `npm run bench`: prints the machine, then every workload's table
// and its targets. Options: --json (one JSON document instead of tables), --filter NAME (run
// the workloads whose name contains NAME), --repeats N (timed samples per figure, default 11).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { backendKernels, nativeAvailable } from '../dist/index.js';
import { runNumpy } from './harness.mjs';
import * as spiralStep from './spiral-step.mjs';
import * as mnistStep from './mnist-step.mjs';
import * as inference from './inference.mjs';
import * as gemmSquare from './gemm-square.mjs';
import * as softmaxBackward from './softmax-backward.mjs';
import * as tinyProducts from './tiny-products.mjs';
import * as memory from './memory.mjs';

const WORKLOADS = [
  spiralStep, mnistStep, inference, gemmSquare, softmaxBackward, tinyProducts, memory,
];

function parseArgs(argv) {
  const options = { json: false, filter: null, repeats: 11 };
  for (let x = 0; x < argv.length; x++) {
    const arg = argv[x];
    if (arg === '--json') options.json = true;
    else if (arg === '--filter') options.filter = argv[++x];
    else if (arg === '--repeats') options.repeats = Number(argv[++x]);
    else throw new Error(`bench: unknown option ${arg}; use --json, --filter NAME, --repeats N`);
  }
  if (!Number.isInteger(options.repeats) || options.repeats < 1) {
    throw new Error(`bench: --repeats must be a positive integer, got ${options.repeats}`);
  }
  return options;
}

function cpuModel() {
  try {
    const lines = readFileSync('/proc/cpuinfo', 'utf8').split('\n');
    const line = lines.find((text) => text.startsWith('model name'));
    if (line !== undefined) return line.split(':')[1].trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

function machine(native) {
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    node: process.version,
    native: native === null ? null : native.info(),
    numpy: runNumpy('info'),
  };
}

function formatSeconds(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '-';
  if (seconds < 1e-6) return `${(seconds * 1e9).toFixed(0)} ns`;
  if (seconds < 1e-3) return `${(seconds * 1e6).toFixed(seconds < 1e-5 ? 2 : 1)} us`;
  if (seconds < 1) return `${(seconds * 1e3).toFixed(seconds < 1e-2 ? 2 : 1)} ms`;
  return `${seconds.toFixed(2)} s`;
}

function formatTiming(timing) {
  if (timing === null || timing === undefined) return '-';
  const range = `${formatSeconds(timing.min)}..${formatSeconds(timing.max)}`;
  return `${formatSeconds(timing.median)} (${range})`;
}

function table(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function printResult(name, result) {
  console.log(`\n## ${name}\n`);
  if (result.kind === 'memory') {
    const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(3)} MB`;
    console.log(table(['variant', 'heap moved', 'arrayBuffers moved'],
      result.rows.map((r) => [r.variant, mb(r.heapBytes), mb(r.arrayBufferBytes)])));
  } else if (result.rows.length > 0) {
    const header = ['variant', 'native', 'js', 'sgemm-only floor', 'NumPy float32',
      result.bookLabel ?? 'NumPy book mode', 'native/js'];
    console.log(table(header, result.rows.map((r) => [
      r.variant, formatTiming(r.native), formatTiming(r.js), formatTiming(r.floor),
      formatTiming(r.numpy), formatTiming(r.book),
      r.native && r.js ? (r.native.median / r.js.median).toFixed(3) : '-',
    ])));
  }
  for (const note of result.notes ?? []) console.log(`\n${note}`);
  if (result.targets.length > 0) console.log('');
  for (const t of result.targets) {
    let verdict = 'not measured';
    if (t.met !== null) verdict = t.met ? 'met' : 'NOT MET';
    const sign = t.kind === 'max' ? '<=' : '>=';
    const limit = Number(t.limit.toFixed(3));
    console.log(`- ${t.name}: ratio ${t.ratio.toFixed(3)} (${sign} ${limit}): ${verdict}`);
  }
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const native = nativeAvailable() ? backendKernels('native') : null;
  const js = backendKernels('js');
  const context = { native, js, repeats: options.repeats, quick: false };
  const about = machine(native);
  if (!options.json) {
    console.log(`# nnfs-native benchmarks\n`);
    console.log(`CPU: ${about.cpu}, ${about.cores} cores; Node ${about.node}`);
    console.log(native === null
      ? 'native backend: not available (js only)'
      : `native: OpenBLAS ${about.native.openblasVersion}, core ${about.native.openblasCore}, ` +
        `${about.native.threads} threads at most, element-wise SIMD ${about.native.simd}`);
    console.log(about.numpy === null
      ? 'NumPy: not available'
      : `NumPy ${about.numpy.numpy}: ${about.numpy.blas} ${about.numpy.version}, ` +
        `core ${about.numpy.core ?? 'unknown'}, 1 thread`);
    const samples = `${options.repeats} samples per figure`;
    console.log(`timings: median (min..max) of ${samples}, warm-up apart`);
  }

  const names = WORKLOADS.map((workload) => workload.name);
  if (options.filter !== null && !names.some((name) => name.includes(options.filter))) {
    throw new Error(
      `bench: --filter ${options.filter} matches no workload; use one of ${names.join(', ')}`,
    );
  }

  const results = {};
  for (const workload of WORKLOADS) {
    if (options.filter !== null && !workload.name.includes(options.filter)) continue;
    const started = Date.now();
    const result = workload.run(context);
    result.seconds = (Date.now() - started) / 1000;
    results[workload.name] = result;
    if (!options.json) printResult(workload.name, result);
  }
  if (options.json) console.log(JSON.stringify({ machine: about, results }, null, 2));
}

main();
