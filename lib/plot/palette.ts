// Class colours shared by the plots: the ten colours of Tableau 10, which is also matplotlib's
// default colour cycle (since matplotlib 2.0).
import type { Rgb } from './canvas.js';

const CLASS_COLORS: readonly Rgb[] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
  [227, 119, 194],
  [127, 127, 127],
  [188, 189, 34],
  [23, 190, 207],
];

export const BLACK: Rgb = [0, 0, 0];
export const WHITE: Rgb = [255, 255, 255];
export const AXIS_GRAY: Rgb = [90, 90, 90];
export const GRID_GRAY: Rgb = [225, 225, 225];

/** Returns the colour of class `k`. Classes past ten reuse the cycle. */
export function classColor(k: number): Rgb {
  return CLASS_COLORS[((k % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length];
}

/** Mixes `color` with white: weight 0 keeps the colour, weight 1 gives white. */
export function tint(color: Rgb, weight: number): Rgb {
  return [
    Math.round(color[0] + (255 - color[0]) * weight),
    Math.round(color[1] + (255 - color[1]) * weight),
    Math.round(color[2] + (255 - color[2]) * weight),
  ];
}

/** Mixes `color` with black: weight 0 keeps the colour, weight 1 gives black. */
export function shade(color: Rgb, weight: number): Rgb {
  return [
    Math.round(color[0] * (1 - weight)),
    Math.round(color[1] * (1 - weight)),
    Math.round(color[2] * (1 - weight)),
  ];
}
