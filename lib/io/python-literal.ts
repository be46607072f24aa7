// A parser for the small subset of Python literals that NumPy writes in a .npy header:
// `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`. It builds values from tokens
// and never evaluates anything, so a crafted header can only fail to parse.

export type PythonLiteral = string | number | boolean | null | PythonLiteral[] | PythonDict;
export interface PythonDict {
  [key: string]: PythonLiteral;
}

/** Parses one literal: a dict, tuple, list, string, integer, True, False or None. */
export function parsePythonLiteral(text: string): PythonLiteral {
  const parser = new LiteralParser(text);
  const value = parser.value();
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail('unexpected text after the literal');
  return value;
}

// Far deeper than any .npy header nests. The limit keeps recursion well inside the call stack.
const MAX_DEPTH = 32;

class LiteralParser {
  private position = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  fail(message: string): never {
    throw new SyntaxError(`${message} at offset ${this.position}`);
  }

  skipSpace(): void {
    while (!this.atEnd() && /\s/.test(this.text[this.position])) this.position++;
  }

  value(): PythonLiteral {
    this.skipSpace();
    const char = this.text[this.position];
    if (char === '{' || char === '(' || char === '[') {
      if (this.depth >= MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
      this.depth++;
      const result = char === '{' ? this.dict() : this.sequence(char === '(' ? ')' : ']');
      this.depth--;
      return result;
    }
    if (char === "'" || char === '"') return this.string();
    if (char !== undefined && /[-+0-9]/.test(char)) return this.integer();
    for (const [word, result] of KEYWORDS) {
      if (this.text.startsWith(word, this.position)) {
        this.position += word.length;
        return result;
      }
    }
    return this.fail(char === undefined ? 'unexpected end of text' : `unexpected "${char}"`);
  }

  // Python allows a trailing comma before the closing bracket, and NumPy writes one.
  private dict(): PythonDict {
    const result: PythonDict = Object.create(null) as PythonDict;
    this.position++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] === '}') break;
      const key = this.value();
      if (typeof key !== 'string') this.fail('dict keys must be strings');
      this.skipSpace();
      if (this.text[this.position] !== ':') this.fail('expected ":"');
      this.position++;
      result[key as string] = this.value();
      if (!this.separator('}')) break;
    }
    this.position++;
    return result;
  }

  private sequence(close: string): PythonLiteral[] {
    const items: PythonLiteral[] = [];
    this.position++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] === close) break;
      items.push(this.value());
      if (!this.separator(close)) break;
    }
    this.position++;
    return items;
  }

  // Consumes a comma (returns true) or stops before the closing bracket (returns false).
  private separator(close: string): boolean {
    this.skipSpace();
    const char = this.text[this.position];
    if (char === ',') {
      this.position++;
      return true;
    }
    if (char !== close) this.fail(`expected "," or "${close}"`);
    return false;
  }

  // NumPy's dtype strings and keys contain no escapes; reject them rather than guess.
  private string(): string {
    const quote = this.text[this.position];
    const end = this.text.indexOf(quote, this.position + 1);
    if (end < 0) this.fail('unterminated string');
    const body = this.text.slice(this.position + 1, end);
    if (body.includes('\\')) this.fail('escape sequences in strings are not supported');
    this.position = end + 1;
    return body;
  }

  // Python 2 wrote shape entries as long integers with an "L" suffix, e.g. (3L, 4L).
  private integer(): number {
    const match = /^[-+]?[0-9]+L?/.exec(this.text.slice(this.position, this.position + 32));
    if (match === null) return this.fail('invalid number');
    this.position += match[0].length;
    const value = Number(match[0].replace('L', ''));
    if (!Number.isSafeInteger(value)) this.fail(`integer ${match[0]} is too large`);
    return value;
  }
}

const KEYWORDS: [string, PythonLiteral][] = [
  ['True', true],
  ['False', false],
  ['None', null],
];
