/**
 * Putting a series onto a chart's columns.
 *
 * A terminal chart has one column per x position, so a series of n values must become
 * exactly `columns` values, whatever n is:
 *
 * - n ≥ columns: split the values into `columns` equal buckets and plot each bucket's
 *   mean. Averaging (rather than keeping each bucket's min and max) is deliberate: a
 *   minibatch loss is noisy, and the mean of a bucket is the loss you would have measured
 *   over those steps, so the chart shows the trend the lesson is about. A min/max pair
 *   per column would draw the noise band as a zig-zag that hides the trend.
 * - n < columns: interpolate linearly between neighbouring values, so a 10-point curve
 *   still spans the whole chart.
 *
 * Either way the first value lands in the first column and the last in the last, so
 * series of different lengths share the x-axis by relative position.
 */
export function resample(values: ArrayLike<number>, columns: number): number[] {
  if (!Number.isInteger(columns) || columns < 1) {
    throw new Error(`resample: columns must be a positive integer; received ${columns}`);
  }
  const count = values.length;
  if (count === 0) return [];
  if (count === 1) return new Array<number>(columns).fill(values[0]);
  return count >= columns ? bucketMeans(values, columns) : interpolate(values, columns);
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

/** Linear interpolation at `columns` evenly spaced positions from the first value to the last. */
function interpolate(values: ArrayLike<number>, columns: number): number[] {
  const lastIndex = values.length - 1;
  const result: number[] = [];
  for (let column = 0; column < columns; column++) {
    const position = columns === 1 ? 0 : (column * lastIndex) / (columns - 1);
    const left = Math.floor(position);
    const right = Math.min(left + 1, lastIndex);
    const fraction = position - left;
    // A non-finite neighbour makes the point unknown, unless the position sits exactly on the other one.
    result.push(fraction === 0 ? values[left] : values[left] * (1 - fraction) + values[right] * fraction);
  }
  return result.map((value) => (Number.isFinite(value) ? value : NaN));
}

/**
 * A series with its unknown (NaN) points dealt with so a line can be drawn through it:
 * a gap between known points is bridged by a straight line, leading gaps take the first
 * known value, and trailing gaps are cut off — a run that diverged to NaN stops where
 * it diverged instead of pretending to continue.
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
