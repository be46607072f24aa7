// The packed tarball as a user gets it: `npm pack`, installed into a fresh project, then used
// from child processes. It needs a prebuild and builds one with `npm run prebuild` when
// prebuilds/ has none (a clean clone). Dependencies come from the npm cache that `npm ci` filled.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, rmSync, writeFileSync,
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const consumerSources = join(root, 'test', 'package', 'consumer');
const target = `${platform()}-${arch()}`;

// The book prints this loss for the chapter 9 model.
const BOOK_LOSS = '1.0986104';

// Shared libraries every Linux Node.js process already has; a prebuild may need only these.
const SYSTEM_LIBRARY = /^(libc|libm|libstdc\+\+|libgcc_s|libpthread|libdl|ld-linux[-\w]*)\.so/;

interface ProbeResult {
  backend: string;
  info: { backend: string; openblasVersion: string | null; simd: string | null };
  addonPath: string | null;
  chapter9: { loss: number; lossText: string; softmax: number[]; dweights: number[] };
  trained: number;
  warnings: { code?: string; message: string }[];
}

let workdir = '';
let tarball = '';
let installed = '';
let broken = '';
let setupSeconds = 0;

/** Environment for child processes, without the variables that pick or relocate the backend. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['NNFS_BACKEND', 'NNFS_NATIVE_PREBUILD', 'PREBUILDS_ONLY', 'LD_PRELOAD']) {
    delete env[name];
  }
  return env;
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, env: childEnv(), encoding: 'utf8', stdio: 'pipe' });
}

/** Runs a consumer script with node and parses the JSON line it prints last. */
function runScript(project: string, script: string): { result: unknown; stderr: string } {
  const child = spawnSync(process.execPath, [script], {
    cwd: project,
    env: childEnv(),
    encoding: 'utf8',
    // A hang (a thread pool deadlocked by a fork, say) ends here instead of stalling the suite.
    timeout: 120_000,
  });
  expect(child.error, `${script} failed to run or timed out`).toBeUndefined();
  expect(child.signal, `${script} was killed: ${child.stderr}`).toBeNull();
  expect(child.status, `${script} failed: ${child.stderr}`).toBe(0);
  const lines = child.stdout.trim().split('\n');
  return { result: JSON.parse(lines[lines.length - 1]), stderr: child.stderr };
}

/** Whether a prebuild exists and is newer than every native source, so it has every kernel. */
function prebuildIsCurrent(): boolean {
  const dir = join(root, 'prebuilds', target);
  if (!existsSync(dir)) return false;
  const binary = readdirSync(dir).find((name) => name.endsWith('.node'));
  if (binary === undefined) return false;
  const built = statSync(join(dir, binary)).mtimeMs;
  const sources = readdirSync(join(root, 'native'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  sources.push(join(root, 'binding.gyp'));
  return sources.every((source) => statSync(source).mtimeMs <= built);
}

beforeAll(() => {
  const start = performance.now();
  if (!prebuildIsCurrent()) run('npm', ['run', 'prebuild'], root);

  workdir = mkdtempSync(join(tmpdir(), 'nnfs-package-'));
  // npm pack runs `prepare`, which compiles lib/ into dist/, so the tarball matches the sources.
  run('npm', ['pack', '--pack-destination', workdir], root);
  const packed = readdirSync(workdir).filter((name) => name.endsWith('.tgz'));
  expect(packed).toHaveLength(1);
  tarball = join(workdir, packed[0]);

  installed = join(workdir, 'consumer');
  mkdirSync(installed);
  writeFileSync(
    join(installed, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  cpSync(consumerSources, installed, { recursive: true });
  // The install script runs as it would for a user: node-gyp-build finds the prebuild.
  run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], installed);

  // A copy whose addon cannot load: the file is there, but it is not an ELF object.
  broken = join(workdir, 'broken');
  cpSync(installed, broken, { recursive: true });
  const binaryDir = join(broken, 'node_modules', 'nnfs-native', 'prebuilds', target);
  for (const name of readdirSync(binaryDir).filter((file) => file.endsWith('.node'))) {
    writeFileSync(join(binaryDir, name), 'not a shared object');
  }
  setupSeconds = (performance.now() - start) / 1000;
}, 300_000);

afterAll(() => {
  if (workdir !== '') rmSync(workdir, { recursive: true, force: true });
  // Printed so CI logs show what packing and installing cost.
  console.log(`package tests: set-up took ${setupSeconds.toFixed(1)} s`);
});

describe('packed tarball', () => {
  it('contains only what users need', () => {
    const entries = run('tar', ['-tzf', tarball], workdir)
      .trim()
      .split('\n')
      .map((entry) => entry.replace(/^package\//, ''));
    const allowed = [
      /^dist\/.+\.(js|d\.ts)$/,
      /^prebuilds\/[\w-]+\/(nnfs-native\.node|OpenBLAS-COPYRIGHT\.txt)$/,
      /^native\//,
      /^binding\.gyp$/,
      /^scripts\/install-fallback\.cjs$/,
      /^(README\.md|LICENSE|package\.json)$/,
    ];
    const unexpected = entries.filter((entry) => !allowed.some((pattern) => pattern.test(entry)));
    expect(unexpected).toEqual([]);
    for (const required of [
      'dist/index.js', 'dist/index.d.ts', 'dist/book.js', 'dist/book.d.ts', 'dist/cli/main.js',
      `prebuilds/${target}/nnfs-native.node`, `prebuilds/${target}/OpenBLAS-COPYRIGHT.txt`,
      'binding.gyp', 'native/addon.cc', 'scripts/install-fallback.cjs', 'LICENSE',
    ]) {
      expect(entries).toContain(required);
    }
  });
});

describe('installed package', () => {
  it('loads the prebuild and reproduces the book', () => {
    const { result } = runScript(installed, 'probe.mjs');
    const probe = result as ProbeResult;
    expect(probe.backend).toBe('native');
    expect(probe.addonPath).toBe(
      join(installed, 'node_modules', 'nnfs-native', 'prebuilds', target, 'nnfs-native.node'),
    );
    expect(probe.warnings).toEqual([]);
    expect(probe.info.backend).toBe('native');
    expect(probe.info.openblasVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(probe.chapter9.lossText).toBe(BOOK_LOSS);
  });

  it('needs no OpenBLAS outside the package', () => {
    const binary = join(installed, 'node_modules', 'nnfs-native', 'prebuilds', target,
      'nnfs-native.node');
    const dynamic = run('readelf', ['-d', binary], installed);
    const needed = [...dynamic.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)]
      .map((match) => match[1]);
    expect(needed.length).toBeGreaterThan(0);
    expect(needed.filter((library) => !SYSTEM_LIBRARY.test(library))).toEqual([]);
    expect(dynamic).not.toMatch(/RUNPATH|RPATH/);
  });

  it('exports only the Node-API entry points', () => {
    const binary = join(installed, 'node_modules', 'nnfs-native', 'prebuilds', target,
      'nnfs-native.node');
    const symbols = run('nm', ['-D', '--defined-only', binary], installed)
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).pop() ?? '');
    expect(symbols).toContain('napi_register_module_v1');
    expect(symbols.filter((name) => !/^(napi_|node_api_)/.test(name))).toEqual([]);
  });

  it('loads from CommonJS where Node supports require(esm)', () => {
    const { result } = runScript(installed, 'require.cjs');
    const loaded = result as { ok: boolean; backend?: string; code?: string; message?: string };
    if (process.features.require_module) {
      expect(loaded.ok).toBe(true);
      expect(loaded.backend).toBe('native');
    } else {
      // Older Node.js versions reject require() of an ES module; the error points to import().
      expect(loaded.ok).toBe(false);
      expect(loaded.code).toBe('ERR_REQUIRE_ESM');
      expect(loaded.message).toMatch(/import\(\)/);
    }
  });
});

describe('installed package without a loadable addon', () => {
  it('falls back to js with one warning', () => {
    const { result, stderr } = runScript(broken, 'probe.mjs');
    const probe = result as ProbeResult;
    expect(probe.backend).toBe('js');
    expect(probe.info.openblasVersion).toBeNull();
    expect(probe.info.simd).toBeNull();
    expect(probe.warnings).toHaveLength(1);
    expect(probe.warnings[0].code).toBe('NNFS_NATIVE_UNAVAILABLE');
    expect(stderr.split('NNFS_NATIVE_UNAVAILABLE')).toHaveLength(2);
    expect(probe.chapter9.lossText).toBe(BOOK_LOSS);
  });

  it('matches native within the spec tolerances', () => {
    const native = (runScript(installed, 'probe.mjs').result as ProbeResult).chapter9;
    const js = (runScript(broken, 'probe.mjs').result as ProbeResult).chapter9;

    // Forward values: relative error at most 1e-6.
    expect(Math.abs(js.loss - native.loss)).toBeLessThanOrEqual(1e-6 * Math.abs(native.loss));
    expect(js.softmax).toHaveLength(native.softmax.length);
    const softmaxOff = js.softmax.filter(
      (value, i) => Math.abs(value - native.softmax[i]) > 1e-6 * Math.abs(native.softmax[i]),
    );
    expect(softmaxOff).toEqual([]);

    // Gradients: absolute error at most 2e-8 or relative at most 1e-4, whichever is looser.
    expect(js.dweights).toHaveLength(native.dweights.length);
    const dweightsOff = js.dweights.filter((value, i) => {
      const bound = Math.max(2e-8, 1e-4 * Math.abs(native.dweights[i]));
      return Math.abs(value - native.dweights[i]) > bound;
    });
    expect(dweightsOff).toEqual([]);
  });
});

describe('installed package under concurrency', () => {
  it('trains in two worker threads at once', () => {
    const { result } = runScript(installed, 'workers.mjs');
    const { backend, main, workers } = result as {
      backend: string;
      main: number;
      workers: { backend: string; loss: number }[];
    };
    expect(backend).toBe('native');
    expect(Number.isFinite(main)).toBe(true);
    expect(workers).toHaveLength(2);
    for (const worker of workers) {
      expect(worker.backend).toBe('native');
      expect(worker.loss).toBe(main);
    }
  });

  it('trains in a forked child after OpenBLAS ran', () => {
    const { result } = runScript(installed, 'fork.mjs');
    const { parent, child } = result as Record<
      'parent' | 'child',
      { backend: string; loss: number; product: number }
    >;
    expect(parent.backend).toBe('native');
    expect(child.backend).toBe('native');
    expect(Number.isFinite(parent.loss)).toBe(true);
    expect(child.loss).toBe(parent.loss);
    expect(child.product).toBe(parent.product);
  });
});
