// Raster primitives and the bitmap font: pixels land at the given coordinates, and the PNG
// encoding decodes back to the same pixels.
import { describe, expect, test } from 'vitest';
import { PNG } from 'pngjs';
import { Canvas } from '../../lib/plot/canvas.js';
import { textWidth, ADVANCE, GLYPH_HEIGHT } from '../../lib/plot/font.js';

const RED = [255, 0, 0] as const;
const WHITE = [255, 255, 255];

describe('Canvas', () => {
  test('starts filled with the background', () => {
    const canvas = new Canvas(4, 3, [10, 20, 30]);
    expect(canvas.getPixel(0, 0)).toEqual([10, 20, 30]);
    expect(canvas.getPixel(3, 2)).toEqual([10, 20, 30]);
  });

  test('fillRect covers exactly its rectangle', () => {
    const canvas = new Canvas(10, 10);
    canvas.fillRect(2, 3, 4, 2, RED);
    expect(canvas.getPixel(2, 3)).toEqual([...RED]);
    expect(canvas.getPixel(5, 4)).toEqual([...RED]);
    expect(canvas.getPixel(6, 4)).toEqual(WHITE);
    expect(canvas.getPixel(2, 5)).toEqual(WHITE);
    expect(canvas.getPixel(1, 3)).toEqual(WHITE);
  });

  test('fillRect clips at the edges', () => {
    const canvas = new Canvas(5, 5);
    canvas.fillRect(-3, -3, 5, 5, RED);
    expect(canvas.getPixel(1, 1)).toEqual([...RED]);
    expect(canvas.getPixel(2, 2)).toEqual(WHITE);
  });

  test('line reaches both end points and the diagonal', () => {
    const canvas = new Canvas(10, 10);
    canvas.line(1, 1, 8, 8, RED);
    for (let i = 1; i <= 8; i++) expect(canvas.getPixel(i, i)).toEqual([...RED]);
    expect(canvas.getPixel(1, 8)).toEqual(WHITE);
  });

  test('fillCircle fills the centre and not the corners', () => {
    const canvas = new Canvas(11, 11);
    canvas.fillCircle(5, 5, 3, RED);
    expect(canvas.getPixel(5, 5)).toEqual([...RED]);
    expect(canvas.getPixel(8, 5)).toEqual([...RED]);
    expect(canvas.getPixel(8, 8)).toEqual(WHITE);
  });

  test('toPng round-trips through a PNG decoder', () => {
    const canvas = new Canvas(6, 4);
    canvas.setPixel(5, 3, RED);
    const bytes = canvas.toPng();
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const decoded = PNG.sync.read(bytes);
    expect(decoded.width).toBe(6);
    expect(decoded.height).toBe(4);
    const at = (3 * 6 + 5) * 4;
    expect([...decoded.data.subarray(at, at + 4)]).toEqual([255, 0, 0, 255]);
    expect([...decoded.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  });

  test('rejects a zero width', () => {
    expect(() => new Canvas(0, 5)).toThrow(RangeError);
    expect(() => new Canvas(0, 5)).toThrow(/Canvas: width must be an integer in \[1, 16384\]/);
  });
});

describe('bitmap font', () => {
  test('textWidth counts glyphs and gaps', () => {
    expect(textWidth('')).toBe(0);
    expect(textWidth('1')).toBe(5);
    expect(textWidth('10')).toBe(2 * ADVANCE - 1);
    expect(textWidth('10', 3)).toBe((2 * ADVANCE - 1) * 3);
  });

  test('glyph "1" draws its stem in the middle column', () => {
    const canvas = new Canvas(5, 7);
    canvas.text(0, 0, '1', RED);
    // Rows 2 to 5 of the glyph are a single stem pixel in column 2.
    for (let y = 2; y <= 5; y++) {
      expect(canvas.getPixel(2, y)).toEqual([...RED]);
      expect(canvas.getPixel(0, y)).toEqual(WHITE);
      expect(canvas.getPixel(4, y)).toEqual(WHITE);
    }
  });

  test('lower case draws like upper case', () => {
    const lower = new Canvas(20, GLYPH_HEIGHT);
    const upper = new Canvas(20, GLYPH_HEIGHT);
    lower.text(0, 0, 'acc', RED);
    upper.text(0, 0, 'ACC', RED);
    expect(lower.pixels).toEqual(upper.pixels);
  });

  test('unknown characters draw as a question mark', () => {
    const unknown = new Canvas(5, GLYPH_HEIGHT);
    const question = new Canvas(5, GLYPH_HEIGHT);
    unknown.text(0, 0, '§', RED);
    question.text(0, 0, '?', RED);
    expect(unknown.pixels).toEqual(question.pixels);
  });

  test('vertical text turns the glyph on its side', () => {
    const canvas = new Canvas(GLYPH_HEIGHT, 5);
    // "-" is ink in row 3, columns 1..3; rotated counter-clockwise it becomes column 3.
    canvas.textVertical(0, 2.5, '-', RED);
    expect(canvas.getPixel(3, 1)).toEqual([...RED]);
    expect(canvas.getPixel(3, 3)).toEqual([...RED]);
    expect(canvas.getPixel(2, 2)).toEqual(WHITE);
  });
});
