// Command-line parsing on top of node:util parseArgs in strict mode, plus the number and
// choice checks every command shares. Every failure is a UsageError naming the option.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | undefined>;

/**
 * Parses `argv` (the words after the command name) against `options`, rejecting unknown
 * options, missing values and positional arguments.
 */
export function parseOptions(command: string, argv: string[], options: OptionSpecs): OptionValues {
  try {
    const { values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false });
    return values as OptionValues;
  } catch (error) {
    if (error instanceof TypeError && 'code' in error) {
      throw new UsageError(`${parseArgsMessage(error)} (see nnfs ${command} --help)`);
    }
    throw error;
  }
}

// parseArgs messages can end with advice about `--` that does not apply here. The first
// sentence names the option, so only that is kept.
function parseArgsMessage(error: TypeError): string {
  const code = (error as TypeError & { code: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const match = /'([^']*)'/.exec(error.message);
    return `unexpected argument ${match ? `"${match[1]}"` : ''}`.trim();
  }
  const first = error.message.split('\n')[0].split('. ')[0].replace(/\.$/, '');
  const sentence = first.charAt(0).toLowerCase() + first.slice(1);
  if (/ambiguous$/.test(sentence)) {
    // A value that starts with '-' (such as -4) reads as an option unless written --name=-4.
    const name = /'(--[^']*)'/.exec(sentence)?.[1] ?? '--option';
    return `${sentence}: to pass a value starting with "-", write ${name}=VALUE`;
  }
  return sentence;
}

/** Returns the string value of option `name`, or undefined when it was not given. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Parses a whole number in [min, max] given as option `--name`. */
export function parseInteger(name: string, text: string, min: number, max: number): number {
  const trimmed = text.trim();
  // Number('') is 0 and Number('1e3') is 1000; only plain decimal digits are accepted.
  if (!/^[+-]?\d+$/.test(trimmed)) {
    throw new UsageError(`--${name} must be a whole number, got "${text}"`);
  }
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be between ${min} and ${max}, got ${trimmed}`);
  }
  return value;
}

/** Parses a finite number >= min (or > min when `exclusive`) given as option `--name`. */
export function parseNumber(name: string, text: string, min: number, exclusive = false): number {
  const trimmed = text.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  if (!Number.isFinite(value)) {
    throw new UsageError(`--${name} must be a number, got "${text}"`);
  }
  if (exclusive ? value <= min : value < min) {
    throw new UsageError(`--${name} must be ${exclusive ? '>' : '>='} ${min}, got ${trimmed}`);
  }
  return value;
}

/** Checks that option `--name` is one of `choices`. */
export function parseChoice<T extends string>(
  name: string,
  text: string,
  choices: readonly T[],
): T {
  if (!(choices as readonly string[]).includes(text)) {
    const list = choices.map((choice) => `"${choice}"`).join(', ');
    throw new UsageError(`--${name} must be one of ${list}, got "${text}"`);
  }
  return text as T;
}

/** Reports whether the words ask for help (`-h` or `--help`) rather than a run. */
export function wantsHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/** Reports whether --verbose is present; checked before parsing, so parse errors honour it. */
export function wantsVerbose(argv: string[]): boolean {
  return argv.includes('--verbose');
}
