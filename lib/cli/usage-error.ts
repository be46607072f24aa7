// The error type of the nnfs command for mistakes the user can fix (an unknown option, a bad
// number, a missing file). It is printed as one `nnfs <command>: ...` line and the process exits with 2.
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}
