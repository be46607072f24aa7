// The class-file parser behind loadFashionMnist: the byte scanner for the package's compact
// form, and the JSON.parse path for any other form and for error messages.
import { describe, expect, it } from 'vitest';
import { parsePixelRows, scanPixelRows } from '../../lib/datasets/pixel-rows.js';

const text = (value: string): Buffer => Buffer.from(value);

describe('scanPixelRows', () => {
  it('compact form with an empty row', () => {
    const result = scanPixelRows(text('{"data":[[0,1,2],[],[255,10,7]]}'), 3);

    expect(result?.rows).toBe(2);
    expect(Array.from(result?.pixels ?? [])).toEqual([0, 1, 2, 255, 10, 7]);
  });

  it('whitespace between tokens', () => {
    const result = scanPixelRows(text(' {\n "data" : [ [ 3 , 4 ] ,\t[5,6] ] }\n'), 2);

    expect(Array.from(result?.pixels ?? [])).toEqual([3, 4, 5, 6]);
  });

  it('no rows at all', () => {
    expect(scanPixelRows(text('{"data": []}'), 2)?.rows).toBe(0);
  });

  it('many rows of single digits', () => {
    // The shortest text a row can have, which the preallocated output must still hold.
    const rows = Array.from({ length: 50 }, (_, r) => `[${r % 10},${(r + 1) % 10}]`);
    const result = scanPixelRows(text(`{"data":[${rows.join(',')}]}`), 2);

    expect(result?.rows).toBe(50);
    expect(result?.pixels.length).toBe(100);
    expect(result?.pixels[98]).toBe(9);
    expect(result?.pixels[99]).toBe(0);
  });

  it('other forms left to JSON.parse', () => {
    const forms = [
      '{"data":[[1.0,2]]}',
      '{"data":[[1e1,2]]}',
      '{"data":[[07,2]]}',
      '{"data":[[256,2]]}',
      '{"data":[[1,2,3]]}',
      '{"data":[[1]]}',
      '{"other":1,"data":[[1,2]]}',
      '{"data":[[1,2]]} x',
      '{"data":[[1,2]',
      '{"data":[[1,',
    ];
    for (const form of forms) expect(scanPixelRows(text(form), 2)).toBeUndefined();
  });
});

describe('parsePixelRows', () => {
  it('falls back to JSON.parse', () => {
    const result = parsePixelRows('load', '0.json', text('{"other":1,"data":[[1.0,2],[]]}'), 2);

    expect(result.rows).toBe(1);
    expect(Array.from(result.pixels)).toEqual([1, 2]);
  });

  it('invalid JSON', () => {
    expect(() => parsePixelRows('load', '3.json', text('{"data":[[1,'), 2)).toThrow(
      /load: 3\.json is not valid JSON: /,
    );
  });

  it('missing data array', () => {
    expect(() => parsePixelRows('load', '3.json', text('{"rows":[]}'), 2)).toThrow(
      'load: 3.json must contain {"data": [[2 pixels], ...]}',
    );
  });

  it('row of the wrong length', () => {
    expect(() => parsePixelRows('load', '3.json', text('{"data":[[1,2,3]]}'), 2)).toThrow(
      '3.json: image 0 must be an array of 2 pixels, got an array of length 3',
    );
  });

  it('pixel out of range', () => {
    expect(() => parsePixelRows('load', '3.json', text('{"data":[[], [1,256]]}'), 2)).toThrow(
      '3.json: image 0 has pixel 1 = number 256, expected an integer in [0, 255]',
    );
  });
});
