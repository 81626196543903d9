/**
 * A grayscale image as text: each pixel's brightness picks a character from a ramp of
 * increasing ink, " .:-=+*#%@" (0 → space, 1 → @):
 *
 *   character = ramp[round(value · (ramp.length − 1))]
 *
 * A terminal cell is about twice as tall as it is wide, so each pixel is drawn as two
 * characters side by side; that keeps a 28×28 MNIST digit square (56 × 28 characters)
 * instead of squashed. `compact` halves it instead: one character per pixel and one line
 * per two rows (their mean), 28 × 14 characters, so several digits fit side by side.
 */
export interface RenderDigitOptions {
  /** Image width and height in pixels; by default the image is square (784 values → 28×28). */
  width?: number;
  height?: number;
  /** Rescale min..max to 0..1 first, for images outside [0, 1]: raw 0–255 bytes, or filters with negative weights. */
  normalize?: boolean;
  /** Characters from no ink to full ink (default " .:-=+*#%@"). */
  ramp?: string;
  /** Draw a thin box around the image so its edges show (default true). */
  frame?: boolean;
  /** One character per pixel and one line per two rows: a quarter of the area. */
  compact?: boolean;
}

export const defaultRamp = " .:-=+*#%@";

/** `pixels` (row-major, height × width) as shaded text. */
export function renderDigit(pixels: ArrayLike<number>, options: RenderDigitOptions = {}): string {
  return renderDigitLines(pixels, options, "renderDigit").join("\n");
}

/** The lines of renderDigit, for laying several images out side by side. */
export function renderDigitLines(pixels: ArrayLike<number>, options: RenderDigitOptions, caller: string): string[] {
  const { width, height } = imageSize(pixels.length, options, caller);
  const ramp = options.ramp ?? defaultRamp;
  if (ramp.length < 2) throw new Error(`${caller}: ramp needs at least 2 characters; received "${ramp}"`);
  const values = brightness(pixels, options.normalize ?? false, caller);

  const shade = (value: number) => ramp[Math.round(value * (ramp.length - 1))];
  const lines: string[] = [];
  if (options.compact === true) {
    for (let row = 0; row < height; row += 2) {
      let line = "";
      for (let column = 0; column < width; column++) {
        const below = row + 1 < height ? values[(row + 1) * width + column] : values[row * width + column];
        line += shade((values[row * width + column] + below) / 2);
      }
      lines.push(line);
    }
  } else {
    for (let row = 0; row < height; row++) {
      let line = "";
      for (let column = 0; column < width; column++) line += shade(values[row * width + column]).repeat(2);
      lines.push(line);
    }
  }
  if (options.frame === false) return lines;
  const edge = "─".repeat(lines[0].length);
  return [`┌${edge}┐`, ...lines.map((line) => `│${line}│`), `└${edge}┘`];
}

/** Width and height from the options, or a square side when neither is given. */
function imageSize(size: number, options: RenderDigitOptions, caller: string): { width: number; height: number } {
  if (size === 0) throw new Error(`${caller}: received an empty image; expected pixel values, e.g. 784 for 28×28`);
  let { width, height } = options;
  if (width === undefined && height === undefined) {
    const side = Math.round(Math.sqrt(size));
    if (side * side !== size) {
      throw new Error(`${caller}: ${size} pixels is not a square image; pass { width, height } (e.g. { width: 28, height: 28 })`);
    }
    width = height = side;
  }
  width ??= size / height!;
  height ??= size / width;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width * height !== size || width < 1) {
    throw new Error(`${caller}: ${size} pixels do not fill ${options.height ?? "?"} rows × ${options.width ?? "?"} columns`);
  }
  return { width, height };
}

/** Pixel values in [0, 1]: as given, or rescaled from min..max when normalising. */
function brightness(pixels: ArrayLike<number>, normalize: boolean, caller: string): Float64Array {
  const values = Float64Array.from(pixels);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new Error(`${caller}: pixel ${i} is ${values[i]}; expected a finite number`);
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  if (normalize) {
    // A constant image has no contrast to show: draw it blank.
    for (let i = 0; i < values.length; i++) values[i] = max > min ? (values[i] - min) / (max - min) : 0;
    return values;
  }
  if (min < 0 || max > 1) {
    const index = values.findIndex((value) => value < 0 || value > 1);
    throw new Error(
      `${caller}: pixel ${index} is ${values[index]}, outside [0, 1] (the image spans ${min} … ${max}); ` +
        "pass { normalize: true } to rescale min..max, or divide raw bytes by 255",
    );
  }
  return values;
}
