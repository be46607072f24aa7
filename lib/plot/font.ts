// A 5x7 bitmap font drawn for this package, enough for axis labels, tick values and titles:
// digits, capital letters and common punctuation. Lower-case letters are drawn as capitals,
// and any other character as '?'.
import type { Canvas, Rgb } from './canvas.js';

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;
/** Horizontal distance from one character to the next, in font pixels. */
export const ADVANCE = GLYPH_WIDTH + 1;

// Each glyph is 7 rows of 5 columns; '#' is ink.
const GLYPHS: Record<string, string> = {
  '0': '.###. #...# #..## #.#.# ##..# #...# .###.',
  '1': '..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.',
  '2': '.###. #...# ....# ...#. ..#.. .#... #####',
  '3': '##### ...#. ..#.. ...#. ....# #...# .###.',
  '4': '...#. ..##. .#.#. #..#. ##### ...#. ...#.',
  '5': '##### #.... ####. ....# ....# #...# .###.',
  '6': '..##. .#... #.... ####. #...# #...# .###.',
  '7': '##### ....# ...#. ..#.. .#... .#... .#...',
  '8': '.###. #...# #...# .###. #...# #...# .###.',
  '9': '.###. #...# #...# .#### ....# ...#. .##..',
  A: '.###. #...# #...# ##### #...# #...# #...#',
  B: '####. #...# #...# ####. #...# #...# ####.',
  C: '.###. #...# #.... #.... #.... #...# .###.',
  D: '###.. #..#. #...# #...# #...# #..#. ###..',
  E: '##### #.... #.... ####. #.... #.... #####',
  F: '##### #.... #.... ####. #.... #.... #....',
  G: '.###. #...# #.... #.### #...# #...# .####',
  H: '#...# #...# #...# ##### #...# #...# #...#',
  I: '.###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
  J: '..### ...#. ...#. ...#. ...#. #..#. .##..',
  K: '#...# #..#. #.#.. ##... #.#.. #..#. #...#',
  L: '#.... #.... #.... #.... #.... #.... #####',
  M: '#...# ##.## #.#.# #.#.# #...# #...# #...#',
  N: '#...# #...# ##..# #.#.# #..## #...# #...#',
  O: '.###. #...# #...# #...# #...# #...# .###.',
  P: '####. #...# #...# ####. #.... #.... #....',
  Q: '.###. #...# #...# #...# #.#.# #..#. .##.#',
  R: '####. #...# #...# ####. #.#.. #..#. #...#',
  S: '.#### #.... #.... .###. ....# ....# ####.',
  T: '##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..',
  U: '#...# #...# #...# #...# #...# #...# .###.',
  V: '#...# #...# #...# #...# #...# .#.#. ..#..',
  W: '#...# #...# #...# #.#.# #.#.# #.#.# .#.#.',
  X: '#...# #...# .#.#. ..#.. .#.#. #...# #...#',
  Y: '#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..',
  Z: '##### ....# ...#. ..#.. .#... #.... #####',
  ' ': '..... ..... ..... ..... ..... ..... .....',
  '.': '..... ..... ..... ..... ..... .##.. .##..',
  ',': '..... ..... ..... ..... .##.. ..#.. .#...',
  '-': '..... ..... ..... .###. ..... ..... .....',
  '+': '..... ..#.. ..#.. ##### ..#.. ..#.. .....',
  ':': '..... .##.. .##.. ..... .##.. .##.. .....',
  '(': '...#. ..#.. .#... .#... .#... ..#.. ...#.',
  ')': '.#... ..#.. ...#. ...#. ...#. ..#.. .#...',
  '/': '..... ....# ...#. ..#.. .#... #.... .....',
  '=': '..... ..... ##### ..... ##### ..... .....',
  '%': '##... ##..# ...#. ..#.. .#... #..## ...##',
  '_': '..... ..... ..... ..... ..... ..... #####',
  '?': '.###. #...# ....# ...#. ..#.. ..... ..#..',
  "'": '..#.. ..#.. .#... ..... ..... ..... .....',
};

// Ink positions per glyph as [column, row] pairs, decoded once.
const INK = new Map<string, [number, number][]>();
for (const [char, rows] of Object.entries(GLYPHS)) {
  const points: [number, number][] = [];
  rows.split(' ').forEach((row, y) => {
    for (let x = 0; x < row.length; x++) if (row[x] === '#') points.push([x, y]);
  });
  INK.set(char, points);
}

function glyphInk(char: string): [number, number][] {
  return INK.get(char) ?? INK.get(char.toUpperCase()) ?? INK.get('?')!;
}

/** Returns the width in pixels of `text` drawn at `scale`, without trailing spacing. */
export function textWidth(text: string, scale = 1): number {
  return text.length === 0 ? 0 : (text.length * ADVANCE - 1) * scale;
}

/** Draws `text` with its top-left corner at (x, y); each font pixel is a scale x scale block. */
export function drawText(
  canvas: Canvas,
  x: number,
  y: number,
  text: string,
  color: Rgb,
  scale = 1,
): void {
  const left = Math.round(x);
  const top = Math.round(y);
  for (let i = 0; i < text.length; i++) {
    const originX = left + i * ADVANCE * scale;
    for (const [gx, gy] of glyphInk(text[i])) {
      canvas.fillRect(originX + gx * scale, top + gy * scale, scale, scale, color);
    }
  }
}
