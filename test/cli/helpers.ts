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
