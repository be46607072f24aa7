// Runs the native tests (test/native/) against the sanitizer build from `npm run build:debug`.
//
// - LD_PRELOAD puts libasan first among the process's libraries: node itself is not built with
//   ASan, and the ASan runtime must interpose malloc and free before anything allocates.
// - NNFS_NATIVE_PREBUILD points node-gyp-build at build-asan/ instead of the package root, so
//   the tests load build-asan/build/Debug/nnfs.node.
// - detect_leaks=0: Node frees neither V8's heap nor its per-process allocations at exit, by
//   design, so LeakSanitizer would report thousands of leaks that are not the addon's.
// Every other ASan or UBSan finding aborts the test process, and vitest reports that file as
// failed. The malloc-count test is left out: it preloads its own malloc wrapper, which cannot
// sit beside ASan's, and counting malloc calls means nothing once ASan replaces malloc.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stage = join(root, 'build-asan');
const addon = join(stage, 'build', 'Debug', 'nnfs.node');

if (!existsSync(addon)) {
  console.error(`test:asan: ${addon} not found; run \`npm run build:debug\` first`);
  process.exit(1);
}

const libasan = execFileSync('gcc', ['-print-file-name=libasan.so'], { encoding: 'utf8' }).trim();
const env = {
  ...process.env,
  LD_PRELOAD: libasan,
  ASAN_OPTIONS: 'detect_leaks=0:abort_on_error=1',
  UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1',
  NNFS_NATIVE_PREBUILD: stage,
  NNFS_TEST_BACKENDS: 'native,js',
};

// Confirm, in a process like the test ones, that node-gyp-build resolves to the sanitizer build.
const require = createRequire(import.meta.url);
const resolver = require.resolve('node-gyp-build');
const check = spawnSync(
  process.execPath,
  ['-e', `console.log(require(${JSON.stringify(resolver)}).resolve(${JSON.stringify(root)}))`],
  { env, encoding: 'utf8' },
);
if (check.status !== 0 || check.stdout.trim() !== addon) {
  console.error(`test:asan: the tests would load ${check.stdout.trim() || '?'}, not ${addon}`);
  console.error(check.stderr);
  process.exit(1);
}

const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const run = spawnSync(process.execPath, [
  vitest, 'run', 'test/native', '--exclude', 'test/native/no-allocation.test.ts',
], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
