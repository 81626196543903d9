/**
 * Putting a series onto a chart's columns.
 *
 * A terminal chart has one column per x position, so a series of n values must become
 * exactly `columns` values, whatever n is.
 *
 * Where the values sit: a series of n values covers a run of `runLength` steps (the
 * longest series' length), value k being recorded at the end of its share of the run,
 * step (k + 1) · runLength / n. A training loss per batch (n = runLength) has a value at
 * every step; a validation loss per epoch lands at the end of each epoch — not at step 0,
 * where its first value would claim the model was good before it had trained. Columns
 * before a series' first value are NaN (nothing was measured yet).
 *
 * - n ≥ columns: split the values into `columns` equal buckets and plot each bucket's
 *   mean. Averaging (rather than keeping each bucket's min and max) is deliberate: a
 *   minibatch loss is noisy, and the mean of a bucket is the loss you would have measured
 *   over those steps, so the chart shows the trend the lesson is about. A min/max pair
 *   per column would draw the noise band as a zig-zag that hides the trend.
 * - n < columns: interpolate linearly between neighbouring values.
 */
export function resample(values: ArrayLike<number>, columns: number, runLength = values.length): number[] {
  if (!Number.isInteger(columns) || columns < 1) {
    throw new Error(`resample: columns must be a positive integer; received ${columns}`);
  }
  if (runLength < values.length) {
    throw new Error(`resample: runLength ${runLength} is shorter than the series (${values.length} values)`);
  }
  if (values.length === 0) return [];
  if (values.length >= columns) return bucketMeans(values, columns);
  return Array.from({ length: columns }, (_, column) => valueAt(values, positionOf(column, columns, runLength)));
}

/** Mean of the finite values in each of `columns` equal buckets; NaN if a bucket has none. */
function bucketMeans(values: ArrayLike<number>, columns: number): number[] {
  const count = values.length;
  const means: number[] = [];
  for (let column = 0; column < columns; column++) {
    const start = Math.floor((column * count) / columns);
    const end = Math.floor(((column + 1) * count) / columns);
    let sum = 0;
    let finite = 0;
    for (let i = start; i < end; i++) {
      if (Number.isFinite(values[i])) {
        sum += values[i];
        finite++;
      }
    }
    means.push(finite > 0 ? sum / finite : NaN);
  }
  return means;
}

/**
 * Where column `column` sits in the run, as a fraction in (0, 1]. With at least one step
 * per column, column c ends its bucket at (c + 1) / columns; with fewer steps than
 * columns, the first column is the longest series' first step and the last its last.
 */
function positionOf(column: number, columns: number, runLength: number): number {
  if (runLength >= columns) return (column + 1) / columns;
  const step = columns === 1 ? runLength - 1 : (column * (runLength - 1)) / (columns - 1);
  return (step + 1) / runLength;
}

/** The series at `position` of the run: value k sits at (k + 1) / n; linear in between. */
function valueAt(values: ArrayLike<number>, position: number): number {
  const lastIndex = values.length - 1;
  const index = Math.min(lastIndex, position * values.length - 1);
  if (index < -1e-9) return NaN; // before the first value was recorded
  const left = Math.max(0, Math.floor(index + 1e-9));
  const right = Math.min(left + 1, lastIndex);
  const fraction = Math.max(0, index - left);
  const value = fraction < 1e-9 ? values[left] : values[left] * (1 - fraction) + values[right] * fraction;
  return Number.isFinite(value) ? value : NaN; // a non-finite neighbour leaves the point unknown
}

/**
 * A series with its unknown (NaN) points dealt with so a line can be drawn through it:
 * a gap between known points is bridged by a straight line, leading gaps take the first
 * known value (the chart then blanks them), and trailing gaps are cut off — a run that
 * diverged to NaN stops where it diverged instead of pretending to continue.
 */
export function fillGaps(values: readonly number[]): number[] {
  let end = values.length;
  while (end > 0 && Number.isNaN(values[end - 1])) end--;
  const result = values.slice(0, end);
  const first = result.findIndex((value) => !Number.isNaN(value));
  if (first < 0) return [];
  for (let i = 0; i < first; i++) result[i] = result[first];
  let previous = first;
  for (let i = first + 1; i < end; i++) {
    if (Number.isNaN(result[i])) continue;
    for (let gap = previous + 1; gap < i; gap++) {
      result[gap] = result[previous] + ((result[i] - result[previous]) * (gap - previous)) / (i - previous);
    }
    previous = i;
  }
  return result;
}
