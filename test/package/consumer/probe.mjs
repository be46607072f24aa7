// Prints, as JSON, which backend and addon the installed package uses, every warning it
// emitted, and the results of the workloads.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { backendInfo, getBackend } from 'nnfs-native';
import { chapter9, train } from './workload.mjs';

const warnings = [];
process.on('warning', (warning) => warnings.push({ code: warning.code, message: warning.message }));

const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve('nnfs-native/package.json'));
let addonPath = null;
try {
  addonPath = require('node-gyp-build').resolve(packageRoot);
} catch {
  addonPath = null;
}

const backend = getBackend();
const result = {
  backend,
  info: backendInfo(),
  addonPath,
  chapter9: chapter9(),
  trained: train(50),
};
// Warnings are emitted on the next tick; let them arrive before reporting.
await new Promise((resolve) => setImmediate(resolve));
console.log(JSON.stringify({ ...result, warnings }));
