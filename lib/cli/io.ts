// The streams a command writes to. Commands take them as an argument, so tests can run a
// command in-process and read what it printed.

/** The part of a writable stream the commands use. */
export interface OutputStream {
  write(text: string): unknown;
  /** True on a terminal, where training shows a progress bar instead of log lines. */
  isTTY?: boolean;
}

export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Directory that relative paths, including the default output folder, resolve against. */
  cwd: string;
  /** Aborting it stops training between two steps (main.ts aborts on Ctrl-C). */
  signal?: AbortSignal;
}

/** Writes one line (a newline is appended). */
export function printLine(stream: OutputStream, text: string): void {
  stream.write(`${text}\n`);
}
