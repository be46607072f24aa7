#!/usr/bin/env node
// The `nnfs` executable (package.json "bin"); `npm start` runs `nnfs train`.
import { runCli } from './run.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
