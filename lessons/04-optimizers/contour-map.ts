/**
 * A contour map in characters, with paths drawn on it: the picture of lesson 04.
 *
 * Each cell of a width × height grid is shaded by f at its centre: one shade per decade
 * (power of 10) of f above `lowestLevel`, so the edges between shades are contour lines
 * of log10 f. Each path is drawn with its own letter, joining consecutive points with
 * straight segments. Where paths cross, a cell shows the path that got there first (the
 * fewest steps), so early excursions stay visible and the region near the minimum shows
 * who arrived soonest. Marks (the start, the minimum) are drawn last.
 */
export interface ContourMapOptions {
  /** The x values at the left and right edges. */
  xRange: [number, number];
  /** The y values at the bottom and top edges. */
  yRange: [number, number];
  /** Columns and rows of the grid (a character is about twice as tall as it is wide). */
  width: number;
  height: number;
  /** log10 of the f below which a cell is blank (default 0: f < 1). */
  lowestLevel?: number;
  /** Points to mark on top of everything, e.g. { "*": [1, 1] } for the minimum. */
  marks?: Record<string, readonly [number, number]>;
  /** Text set into the top border. */
  title?: string;
}

/** The shades, one per decade of f: blank below 10^lowestLevel, then ., :, -, = upwards. */
export const shades = [" ", ".", ":", "-", "="] as const;

export function contourMap(
  f: (x: number, y: number) => number,
  paths: Record<string, ReadonlyArray<readonly [number, number]>>,
  options: ContourMapOptions,
): string {
  const { xRange, yRange, width, height, lowestLevel = 0, marks = {}, title = "" } = options;
  for (const name of [...Object.keys(paths), ...Object.keys(marks)]) {
    if ([...name].length !== 1) throw new Error(`contourMap: paths and marks need one-character names; received "${name}"`);
  }
  const [xLeft, xRight] = xRange;
  const [yBottom, yTop] = yRange;
  const cellWidth = (xRight - xLeft) / width;
  const cellHeight = (yTop - yBottom) / height;
  // Row 0 is the top of the picture: cell (row, column) is centred on these x and y.
  const centreX = (column: number) => xLeft + (column + 0.5) * cellWidth;
  const centreY = (row: number) => yTop - (row + 0.5) * cellHeight;
  const grid: string[][] = Array.from({ length: height }, (_, row) =>
    Array.from({ length: width }, (_, column) => {
      const band = Math.floor(Math.log10(f(centreX(column), centreY(row))) - lowestLevel) + 1;
      return shades[Math.min(Math.max(band, 0), shades.length - 1)];
    }),
  );
  const arrival = Array.from({ length: height }, () => new Array<number>(width).fill(Infinity));
  const visit = (letter: string, x: number, y: number, step: number) => {
    const column = Math.floor((x - xLeft) / cellWidth);
    const row = Math.floor((yTop - y) / cellHeight);
    if (column < 0 || column >= width || row < 0 || row >= height || step >= arrival[row][column]) return;
    arrival[row][column] = step;
    grid[row][column] = letter;
  };

  for (const [letter, points] of Object.entries(paths)) {
    for (let step = 0; step < points.length; step++) {
      const [x, y] = points[step];
      if (!Number.isFinite(x) || !Number.isFinite(y)) break; // a run that blew up stops here
      if (step === 0) {
        visit(letter, x, y, 0);
        continue;
      }
      // Sample the segment from the previous point every half cell or less, so consecutive
      // samples land in neighbouring cells and the line has no gaps (it may step diagonally,
      // as Bresenham's lines do); a jump far off the map is drawn only where it lands.
      const [fromX, fromY] = points[step - 1];
      const cellsCrossed = Math.max(Math.abs(x - fromX) / cellWidth, Math.abs(y - fromY) / cellHeight);
      const samples = cellsCrossed > 4 * (width + height) ? 1 : Math.ceil(2 * cellsCrossed) + 1;
      for (let k = 1; k <= samples; k++) {
        const t = k / samples;
        visit(letter, fromX + (x - fromX) * t, fromY + (y - fromY) * t, step - 1 + t);
      }
    }
  }
  for (const [letter, [x, y]] of Object.entries(marks)) visit(letter, x, y, -1);
  const top = title === "" ? "─".repeat(width) : `${title} ${"─".repeat(Math.max(0, width - [...title].length - 1))}`;
  return [`┌${top}┐`, ...grid.map((row) => `│${row.join("")}│`), `└${"─".repeat(width)}┘`].join("\n");
}

/** Text blocks side by side, `gap` spaces apart, each padded to its own widest line. */
export function sideBySide(blocks: readonly string[], gap = 2): string {
  const split = blocks.map((block) => block.split("\n"));
  const widths = split.map((lines) => Math.max(...lines.map((line) => [...line].length)));
  const height = Math.max(...split.map((lines) => lines.length));
  return Array.from({ length: height }, (_, row) =>
    split
      .map((lines, i) => {
        const line = lines[row] ?? "";
        return line + " ".repeat(widths[i] - [...line].length);
      })
      .join(" ".repeat(gap))
      .trimEnd(),
  ).join("\n");
}
