// The native side allocates nothing per training step. A child node process runs workloads A
// (spiral 300x2 -> 64 -> 3, full batch, Adam) and B (784 -> 128 -> 128 -> 10, batch 128, Adam)
// on the native backend under LD_PRELOAD=malloc-count.so, which counts the malloc family and
// operator new and delete calls made directly from the addon or OpenBLAS (see malloc-count.c).
// Linux with glibc and a C compiler (`cc`) only, because the counter replaces glibc's malloc.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const testDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(testDir, '..', '..');
const STEPS = 2_000;

interface CountWindow {
  label: string;
  steps: number;
  allocations: number;
  frees: number;
  callers: string[];
}

interface ChildReport {
  objects: string[];
  windows: CountWindow[];
}

/** Newest modification time of the .ts files under `folder`, in ms. */
function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Compiles lib/ into dist/ when dist/index.js is missing or older than a source, because the
 * child is plain node and imports the compiled package. tsc emits even when it reports type
 * errors (noEmitOnError is off), so only a missing dist/index.js afterwards is fatal.
 */
function ensureCompiled(): void {
  const entry = join(root, 'dist', 'index.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestSource(join(root, 'lib'))) return;
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch (error) {
    if (!existsSync(entry)) throw error;
  }
}

/** Finds a window of the child's report by label. */
function windowOf(report: ChildReport, label: string): CountWindow {
  const found = report.windows.find((window) => window.label === label);
  if (found === undefined) throw new Error(`malloc-count: the child reported no "${label}"`);
  return found;
}

/** Failure text that names the call sites, for `addr2line -f -C -e object offset`. */
function describeCallSites(window: CountWindow): string {
  return `${window.label}: ${window.allocations} allocations and ${window.frees} frees from ` +
    (window.callers.join(', ') || 'no recorded call site');
}

describe('native allocations per training step', () => {
  let scratch = '';
  let report: ChildReport;

  beforeAll(() => {
    ensureCompiled();
    scratch = mkdtempSync(join(tmpdir(), 'nnfs-malloc-count-'));
    const library = join(scratch, 'malloc-count.so');
    execFileSync('cc', ['-shared', '-fPIC', '-O2', '-o', library, join(testDir, 'malloc-count.c'),
      '-ldl'], { stdio: 'pipe' });
    const output = execFileSync(
      process.execPath,
      [join(testDir, 'malloc-count-child.mjs'), library, String(STEPS)],
      { cwd: root, env: { ...process.env, LD_PRELOAD: library }, encoding: 'utf8' },
    );
    const lines = output.trim().split('\n');
    report = JSON.parse(lines[lines.length - 1]) as ChildReport;
  }, 120_000);

  afterAll(() => {
    if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
  });

  it('watches the addon', () => {
    expect(report.objects.some((path) => path.includes('nnfs'))).toBe(true);
  });

  it('workload A allocates nothing', () => {
    const window = windowOf(report, 'A fast');
    expect(window.steps).toBe(STEPS);
    expect(window.allocations, describeCallSites(window)).toBe(0);
    expect(window.frees, describeCallSites(window)).toBe(0);
  });

  it('workload B allocates nothing', () => {
    const window = windowOf(report, 'B fast');
    expect(window.steps).toBe(STEPS);
    expect(window.allocations, describeCallSites(window)).toBe(0);
    expect(window.frees, describeCallSites(window)).toBe(0);
  });

  // These prove the counter can fail, because the float64 scratch buffers of reference precision
  // grow on the first product of each larger size.
  it('counts the first reference step', () => {
    const window = windowOf(report, 'B reference, first step');
    expect(window.allocations).toBeGreaterThan(0);
    expect(window.callers.some((site) => site.includes('nnfs'))).toBe(true);
  });

  it('counts nothing on later reference steps', () => {
    const window = windowOf(report, 'B reference, later steps');
    expect(window.allocations, describeCallSites(window)).toBe(0);
    expect(window.frees, describeCallSites(window)).toBe(0);
  });

  it('counts a larger reference batch', () => {
    const window = windowOf(report, 'B reference, larger batch');
    expect(window.allocations).toBeGreaterThan(0);
  });
});
