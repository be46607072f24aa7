// Replaces a file so that readers see either the old contents or the new, never a mix. The bytes
// go to a temporary file in the target's directory, because rename is atomic only within one
// file system. That file is flushed with fsync and then renamed over the target.
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `chunks` to `path` atomically. If any step fails, including an exception thrown while
 * producing a chunk, the temporary file is removed and an existing file at `path` is left
 * untouched.
 */
export function writeFileAtomic(path: string, chunks: Iterable<Uint8Array>): void {
  const directory = dirname(path);
  const temporary = join(
    directory,
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );

  // 'wx' fails if the name exists, so a stale file of another writer is never reused.
  const fd = openSync(temporary, 'wx', 0o644);
  let open = true;
  let renamed = false;
  try {
    for (const chunk of chunks) {
      let written = 0;
      while (written < chunk.byteLength) {
        written += writeSync(fd, chunk, written, chunk.byteLength - written);
      }
    }
    fsyncSync(fd);
    open = false;
    closeSync(fd);
    renameSync(temporary, path);
    renamed = true;
  } finally {
    if (open) closeSync(fd);
    if (!renamed) removeQuietly(temporary);
  }
  syncDirectory(directory);
}

// Cleans up after a failed write without hiding the error that caused it.
function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // The original exception is the one worth reporting.
  }
}

// The rename itself is durable only once the directory entry is flushed. Where a directory
// cannot be opened or synced (Windows, some file systems), this step is skipped.
function syncDirectory(directory: string): void {
  let fd: number;
  try {
    fd = openSync(directory, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Linux returns EINVAL here on some file systems; the file itself was already synced.
  } finally {
    closeSync(fd);
  }
}
