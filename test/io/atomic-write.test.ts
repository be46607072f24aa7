// Atomic replacement: a failure at any point leaves the previous file as it was.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../lib/io/atomic-write.js';

describe('writeFileAtomic', () => {
  let directory: string;
  let path: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'nnfs-atomic-'));
    path = join(directory, 'target.bin');
    writeFileSync(path, 'old contents');
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('replaces the file with all chunks', () => {
    writeFileAtomic(path, [Buffer.from('new '), Buffer.from('contents')]);

    expect(readFileSync(path, 'utf8')).toBe('new contents');
    expect(readdirSync(directory)).toEqual(['target.bin']);
  });

  it('keeps the old file when writing fails midway', () => {
    function* failingChunks(): Generator<Uint8Array> {
      yield Buffer.from('half of the new ');
      throw new Error('disk full');
    }

    expect(() => writeFileAtomic(path, failingChunks())).toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('old contents');
    expect(readdirSync(directory)).toEqual(['target.bin']);
  });

  it('fails in a missing directory', () => {
    const missing = join(directory, 'no-such-directory', 'target.bin');

    expect(() => writeFileAtomic(missing, [Buffer.from('x')])).toThrow(/ENOENT/);
    expect(readdirSync(directory)).toEqual(['target.bin']);
  });
});
