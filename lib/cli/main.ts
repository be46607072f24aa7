#!/usr/bin/env node
// The `nnfs` executable (package.json "bin"); `npm start` runs `nnfs train`.
import { runCli } from './run.js';

// The first Ctrl-C stops training between two steps, so the progress bar can restore the
// terminal cursor; a second one exits at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  signal: interrupt.signal,
});
