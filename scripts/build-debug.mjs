// Builds the addon with AddressSanitizer and UndefinedBehaviorSanitizer into
// build-asan/build/Debug/nnfs.node, apart from the normal build/, for `npm run test:asan`.
// It links the system libopenblas dynamically: the sanitizers only need to see the addon's own
// code, and OpenBLAS is not instrumented either way.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeGypCommand, stageSources } from './stage-sources.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stage = join(root, 'build-asan');

// -fno-sanitize-recover turns every UBSan finding into an abort, so a test run cannot pass
// with a report buried in its output. The frame pointer makes ASan's stack traces complete.
const SANITIZE = '-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer';

stageSources(root, stage);
execFileSync(nodeGypCommand(), ['rebuild', '--debug'], {
  cwd: stage,
  stdio: 'inherit',
  env: { ...process.env, CFLAGS: SANITIZE, CXXFLAGS: SANITIZE, LDFLAGS: SANITIZE },
});
console.log(`build:debug: wrote ${join(stage, 'build', 'Debug', 'nnfs.node')}`);
