// Argument checks shared by every public function. Each message names the function, the
// argument, what was expected and what came, e.g.
// `LayerDense.forward: inputs has 3 columns, expected 2`.

/** Describes a value for an error message: its type, and its value when it is short. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return `number ${value}`;
  if (typeof value === 'string') return `string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'boolean') return `boolean ${value}`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) {
    const length = (value as unknown as { length?: number }).length ?? value.byteLength;
    return `${value.constructor.name} of length ${length}`;
  }
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name;
    return name && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return typeof value;
}

export function typeError(where: string, message: string): TypeError {
  return new TypeError(`${where}: ${message}`);
}

export function rangeError(where: string, message: string): RangeError {
  return new RangeError(`${where}: ${message}`);
}

/** Throws unless `value` is an integer in [min, max]. */
export function checkInteger(
  where: string,
  name: string,
  value: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number') {
    throw typeError(where, `${name} must be an integer, got ${describe(value)}`);
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw rangeError(where, `${name} must be an integer ${range}, got ${value}`);
  }
  return value;
}

/** Throws unless `value` is a finite number in [min, max] (or (min, max] when `openMin`). */
export function checkNumber(
  where: string,
  name: string,
  value: unknown,
  min = -Infinity,
  max = Infinity,
  openMin = false,
): number {
  if (typeof value !== 'number') {
    throw typeError(where, `${name} must be a number, got ${describe(value)}`);
  }
  const belowMin = openMin ? value <= min : value < min;
  if (!Number.isFinite(value) || belowMin || value > max) {
    const low = openMin ? `> ${min}` : `>= ${min}`;
    const bounds = [min !== -Infinity ? low : '', max !== Infinity ? `<= ${max}` : '']
      .filter(Boolean)
      .join(' and ');
    const expected = bounds ? `a finite number ${bounds}` : 'a finite number';
    throw rangeError(where, `${name} must be ${expected}, got ${value}`);
  }
  return value;
}

/** Throws when a typed array's buffer has been detached (transferred or closed). */
export function checkAttached(where: string, name: string, array: ArrayBufferView): void {
  if (array.buffer.byteLength === 0 && array.byteLength === 0 && isDetached(array.buffer)) {
    throw typeError(where, `${name} is backed by a detached ArrayBuffer`);
  }
}

function isDetached(buffer: ArrayBufferLike): boolean {
  const maybe = buffer as ArrayBuffer & { detached?: boolean };
  if (typeof maybe.detached === 'boolean') return maybe.detached;
  try {
    // Creating a view over a detached buffer throws in every engine.
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}
