// File access for the commands, turning Node's system errors into one-line UsageErrors.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/** Resolves `path` against the command's working directory. */
export function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/** Reads a whole file; `description` names it in messages, e.g. "model file". */
export function readInputFile(path: string, description: string): Buffer {
  try {
    if (statSync(path).isDirectory()) {
      throw new UsageError(`${description} ${path} is a directory, expected a file`);
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${description} ${path}: ${systemReason(error)}`);
  }
}

/** Describes a Node.js system error briefly ("file not found", "permission denied", ...). */
export function systemReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOTDIR') return 'a parent of it is not a directory';
  return error instanceof Error ? error.message : String(error);
}
