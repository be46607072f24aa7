// In-process runs of the nnfs program with captured output.
import { runCli } from '../../lib/cli/run.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `nnfs ...argv` in this process with `cwd` as working directory. */
export async function nnfs(argv: string[], cwd = process.cwd(), isTTY = false): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
  });
  return { code, stdout, stderr };
}

/**
 * Encodes a version 1.0 .npy file of `values` with NumPy type string `descr` ('<f4' or '|u1')
 * and the given shape.
 */
export function npyBytes(values: number[], shape: number[], descr: '<f4' | '|u1'): Buffer {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // NumPy pads the header with spaces and a newline so the data starts at a multiple of 64.
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const prefix = Buffer.alloc(10);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(prefix);
  prefix.writeUInt16LE(header.length, 8);
  const body = descr === '|u1' ? Buffer.from(Uint8Array.from(values))
    : Buffer.from(new Float32Array(values).buffer);
  return Buffer.concat([prefix, Buffer.from(header, 'latin1'), body]);
}
