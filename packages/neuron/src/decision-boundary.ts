import { Tensor, formatShape } from "@gradschool/tensor";

export interface DecisionBoundaryOptions {
  /** The plane's horizontal extent [xmin, xmax]: the first feature. */
  xRange: readonly [number, number];
  /** The plane's vertical extent [ymin, ymax]: the second feature. */
  yRange: readonly [number, number];
  /** Columns of the grid (default 41). Terminal characters are about twice as tall as wide. */
  width?: number;
  /** Rows of the grid (default 17). */
  height?: number;
  /** Data points to mark, [n, 2]; each is drawn as the digit of its class from labels. */
  points?: Tensor;
  /** The true class of each point (0 … 9). */
  labels?: ArrayLike<number>;
  /** End with a line that says what the characters mean (default true). */
  legend?: boolean;
}

/** The shading of each predicted class: class 0 sparse dots, class 1 a light shade, … */
const regionChars = ["·", "░", "▒", "▓"];

/**
 * A classifier's picture of the plane [xmin, xmax] × [ymin, ymax], in characters.
 *
 * Cell (row, col) stands for the point
 *   x = xmin + col·(xmax − xmin)/(width − 1),   y = ymax − row·(ymax − ymin)/(height − 1)
 * (row 0 at the top, both ends included) and shows the class classify predicts there:
 * "·" for 0, "░" for 1. Each data point is drawn on its nearest cell as the digit of its
 * true class, so a "1" on dots is a point the classifier gets wrong; a cell holding points
 * of two classes shows "*". For a neuron, the edge between the shadings is its line w·x + b = 0.
 *
 * classify receives all grid points at once, [width·height, 2], and returns one class per row.
 */
export function decisionBoundary(classify: (points: Tensor) => ArrayLike<number>, options: DecisionBoundaryOptions): string {
  const { xRange, yRange, width = 41, height = 17, points, labels, legend = true } = options;
  checkRange("xRange", xRange);
  checkRange("yRange", yRange);
  for (const [name, value] of [["width", width], ["height", height]] as const) {
    if (!Number.isInteger(value) || value < 2) {
      throw new Error(`decisionBoundary: ${name} is ${value}; expected an integer of at least 2`);
    }
  }
  const [xMin, xMax] = xRange;
  const [yMin, yMax] = yRange;
  const columnX = (col: number) => xMin + (col * (xMax - xMin)) / (width - 1);
  const rowY = (row: number) => yMax - (row * (yMax - yMin)) / (height - 1);

  // Ask the classifier about every cell in one batch.
  const grid = new Float64Array(width * height * 2);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      grid[2 * (row * width + col)] = columnX(col);
      grid[2 * (row * width + col) + 1] = rowY(row);
    }
  }
  const classes = classify(new Tensor(grid, [width * height, 2]));
  if (classes.length !== width * height) {
    throw new Error(`decisionBoundary: classify returned ${classes.length} classes for ${width * height} grid points; expected one per point`);
  }
  const cells: string[][] = Array.from({ length: height }, (_, row) =>
    Array.from({ length: width }, (_, col) => regionChar(classes[row * width + col])),
  );

  const outside = points === undefined ? 0 : markPoints(cells, points, labels, { xMin, xMax, yMin, yMax, width, height });

  const yLabels = [formatCoordinate(yMax), formatCoordinate(yMin)];
  const margin = Math.max(...yLabels.map((label) => label.length));
  const lines = cells.map((cellRow, row) => {
    const label = row === 0 ? yLabels[0] : row === height - 1 ? yLabels[1] : "";
    return `${label.padStart(margin)} ${label === "" ? "│" : "┤"}${cellRow.join("")}`;
  });
  lines.push(`${" ".repeat(margin)} └${"─".repeat(width)}`);
  lines.push(" ".repeat(margin + 2) + spread([formatCoordinate(xMin), formatCoordinate(xMax)], width));
  if (legend) {
    const present = [...new Set(Array.from(classes))].sort((a, b) => a - b);
    let meaning = present.map((k) => `${regionChars[k]} predicted ${k}`).join("   ");
    if (points !== undefined) meaning += "   digits: the data points, by true class";
    if (outside > 0) meaning += ` (${outside} outside the plot)`;
    lines.push(meaning);
  }
  return lines.join("\n");
}

/** Draws each point's class digit on its nearest cell; returns how many fell outside the plane. */
function markPoints(
  cells: string[][],
  points: Tensor,
  labels: ArrayLike<number> | undefined,
  plane: { xMin: number; xMax: number; yMin: number; yMax: number; width: number; height: number },
): number {
  if (points.rank !== 2 || points.shape[1] !== 2) {
    throw new Error(`decisionBoundary: points is ${formatShape(points.shape)}; expected [n, 2], one (x, y) per row`);
  }
  const count = points.shape[0];
  if (labels === undefined || labels.length !== count) {
    throw new Error(`decisionBoundary: ${count} points but ${labels?.length ?? "no"} labels; expected one label per point`);
  }
  const { xMin, xMax, yMin, yMax, width, height } = plane;
  let outside = 0;
  for (let i = 0; i < count; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label > 9) {
      throw new Error(`decisionBoundary: labels[${i}] is ${label}; expected a class from 0 to 9`);
    }
    const col = Math.round(((points.data[2 * i] - xMin) / (xMax - xMin)) * (width - 1));
    const row = Math.round(((yMax - points.data[2 * i + 1]) / (yMax - yMin)) * (height - 1));
    if (!(col >= 0 && col < width && row >= 0 && row < height)) {
      outside++;
      continue;
    }
    const digit = String(label);
    const current = cells[row][col];
    cells[row][col] = /\d/.test(current) && current !== digit ? "*" : current === "*" ? "*" : digit;
  }
  return outside;
}

function regionChar(predicted: number): string {
  const char = regionChars[predicted];
  if (char === undefined) {
    throw new Error(`decisionBoundary: classify returned class ${predicted}; expected an integer from 0 to ${regionChars.length - 1}`);
  }
  return char;
}

function checkRange(name: string, range: readonly [number, number]): void {
  if (!Array.isArray(range) || range.length !== 2 || !range.every(Number.isFinite) || !(range[0] < range[1])) {
    throw new Error(`decisionBoundary: ${name} is ${JSON.stringify(range)}; expected [min, max] with min < max`);
  }
}

/** 1.5 → "1.5", 0.25 → "0.25", −10 → "-10": at most two decimals, no trailing zeros. */
function formatCoordinate(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** The first label at the left end of a line of `width` characters, the last at its right end. */
function spread([left, right]: string[], width: number): string {
  return left + right.padStart(Math.max(width - left.length, right.length + 1));
}
