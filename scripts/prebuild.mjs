// Builds prebuilds/<platform>-<arch>/nnfs-native.node with prebuildify (--napi --strip), with
// OpenBLAS linked statically, so that `npm install` from the tarball needs neither a compiler
// nor a system libopenblas. Run it through `npm run prebuild`: npm puts its bundled node-gyp
// on PATH and passes its configuration (nodedir and the like) to node-gyp. The package has no
// `build` script, because npm would run `prebuild` before it as a pre-script.
//
// The build runs in build-prebuild/, a copy of the sources (see stage-sources.mjs).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPrebuild } from './prebuild-check.mjs';
import { nodeGypCommand, stageSources } from './stage-sources.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stage = join(root, 'build-prebuild');
const target = `${platform()}-${arch()}`;

// The Debian packages' copyright file carries the BSD-3-Clause notice that OpenBLAS's licence
// requires binary redistributions to reproduce.
const OPENBLAS_COPYRIGHT = '/usr/share/doc/libopenblas0-pthread/copyright';

function runPrebuildify() {
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('prebuildify/package.json')), 'bin.js');
  const args = [bin, '--napi', '--strip', '--cwd', stage, '--node-gyp', nodeGypCommand()];
  execFileSync(process.execPath, args, {
    stdio: 'inherit',
    // node-gyp turns npm_config_* variables into gyp variables.
    env: { ...process.env, npm_config_openblas_static: 'true' },
  });
}

function publish() {
  const from = join(stage, 'prebuilds', target);
  const to = join(root, 'prebuilds', target);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const binaries = readdirSync(from).filter((name) => name.endsWith('.node'));
  if (binaries.length === 0) {
    throw new Error(`prebuild: prebuildify wrote no .node file in ${from}`);
  }
  for (const name of binaries) copyFileSync(join(from, name), join(to, name));

  if (existsSync(OPENBLAS_COPYRIGHT)) {
    copyFileSync(OPENBLAS_COPYRIGHT, join(to, 'OpenBLAS-COPYRIGHT.txt'));
  } else {
    throw new Error(
      `prebuild: ${OPENBLAS_COPYRIGHT} not found; install libopenblas0-pthread, whose ` +
        'licence notice must ship beside a binary that contains OpenBLAS',
    );
  }
  return binaries.map((name) => join(to, name));
}

stageSources(root, stage);
runPrebuildify();
for (const file of publish()) {
  const problems = checkPrebuild(file);
  if (problems.length > 0) {
    throw new Error(`prebuild: ${file} is not self-contained:\n  ${problems.join('\n  ')}`);
  }
  console.log(`prebuild: wrote ${file} (no libopenblas needed, no BLAS symbols exported)`);
}
rmSync(stage, { recursive: true, force: true });
