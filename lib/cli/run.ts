// Dispatches `nnfs <command>` and turns errors into one line on stderr with an exit code:
// 2 for anything the user can fix (bad options, missing files, invalid data or models, a
// native backend that cannot load), 1 for unexpected failures. --verbose adds the stack trace.
// Errors raised while a command runs start with `nnfs <command>: `, and errors raised before a
// command is known start with `nnfs: `.
import { NativeUnavailableError } from '../backend/select.js';
import { printLine, type CliIO } from './io.js';
import { wantsVerbose } from './args.js';
import { runTrain } from './train.js';
import { runEvaluate } from './evaluate.js';
import { runPredict } from './predict.js';
import { UsageError } from './usage-error.js';

export const USAGE = `Usage: nnfs <command> [options]

Commands:
  train      train one of the book's networks on a dataset, evaluate it and save it
  evaluate   print the loss and accuracy of a saved model on a dataset
  predict    print the predicted class or value of each sample in a .npy, .csv or .png
             file

Run "nnfs <command> --help" for the options of a command.
`;

const COMMANDS: readonly (string | undefined)[] = ['train', 'evaluate', 'predict'];

/** Runs the nnfs program with `argv` (the words after "nnfs") and returns the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const verbose = wantsVerbose(argv);
  const [command, ...rest] = argv;
  const prefix = COMMANDS.includes(command) ? `nnfs ${command}: ` : 'nnfs: ';
  try {
    switch (command) {
      case 'train':
        return await runTrain(rest, io);
      case 'evaluate':
        return await runEvaluate(rest, io);
      case 'predict':
        return await runPredict(rest, io);
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(USAGE);
        return 0;
      case undefined:
        io.stderr.write(USAGE);
        return 2;
      default:
        throw new UsageError(
          `unknown command "${command}", expected train, evaluate or predict (see nnfs --help)`,
        );
    }
  } catch (error) {
    return reportError(error, io, verbose, prefix);
  }
}

/** Exit code of a run stopped by SIGINT: 128 + 2, as shells report it. */
const INTERRUPTED = 130;

/**
 * Prints `error` as one line that starts with `prefix` (plus the stack trace when `verbose`)
 * and returns the exit code: 2 for an error the user can fix, 1 for an unexpected one.
 */
export function reportError(
  error: unknown,
  io: CliIO,
  verbose: boolean,
  prefix = 'nnfs: ',
): number {
  if (error instanceof Error && error.name === 'AbortError') {
    printLine(io.stderr, `${prefix}training interrupted; nothing was saved`);
    return INTERRUPTED;
  }
  const message = error instanceof Error ? error.message : String(error);
  const userError = isUserError(error);
  // Library messages span lines only in rare cases; the first line names the problem.
  const kind = userError ? '' : 'unexpected error: ';
  printLine(io.stderr, `${prefix}${kind}${message.split('\n')[0]}`);
  if (verbose && error instanceof Error && error.stack !== undefined) {
    printLine(io.stderr, error.stack);
  } else if (!userError) {
    printLine(io.stderr, `${prefix}run again with --verbose for the stack trace`);
  }
  return userError ? 2 : 1;
}

// A native backend that cannot load (NNFS_BACKEND=native or --backend native) is fixed by
// installing or building the addon, or by choosing js, so it counts as a user error.
function isUserError(error: unknown): boolean {
  return (
    error instanceof UsageError ||
    error instanceof NativeUnavailableError ||
    error instanceof RangeError ||
    error instanceof TypeError ||
    typeof (error as { code?: unknown } | null)?.code === 'string'
  );
}
