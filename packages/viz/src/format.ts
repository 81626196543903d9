/**
 * Numbers as a reader wants to see them: as many decimals as tell values apart, and no
 * more; exponent notation only when a value is too large or too small for decimals.
 */

/** Non-finite values in words a learner recognises. */
function formatNonFinite(value: number): string | undefined {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  return undefined;
}

/**
 * How many decimals show `step` exactly: 2 → 0, 0.25 → 2, 0.1 → 1, 1.5 → 1 (at most 10).
 * Labels spaced `step` apart need exactly these to read as round numbers.
 */
export function decimalsFor(step: number): number {
  for (let decimals = 0; decimals < 10; decimals++) {
    const scaled = Math.abs(step) * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return decimals;
  }
  return 10;
}

/**
 * An axis label for `value` on an axis whose round tick values are `step` apart: as many
 * decimals as the step has (step 0.5 → "1.5"), exponent notation beyond 1e6 or below 1e-4.
 */
export function formatTick(value: number, step: number): string {
  const nonFinite = formatNonFinite(value);
  if (nonFinite !== undefined) return nonFinite;
  const magnitude = Math.max(Math.abs(value), Math.abs(step));
  if (magnitude >= 1e6 || magnitude < 1e-4) return value === 0 ? "0" : value.toExponential(2).replace("e+", "e");
  const text = value.toFixed(decimalsFor(step));
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text; // no "-0.00"
}

/**
 * `value` with about `digits` significant digits and no exponent between 1e-3 and 1e5:
 * 2.3026 → "2.30", 0.001234 → "0.00123", 12345 → "12345", 1.2e-5 → "1.20e-5".
 */
export function formatSignificant(value: number, digits = 3): string {
  const nonFinite = formatNonFinite(value);
  if (nonFinite !== undefined) return nonFinite;
  const magnitude = Math.abs(value);
  if (magnitude === 0) return "0";
  if (magnitude < 1e-3 || magnitude >= 1e5) return value.toExponential(digits - 1).replace("e+", "e");
  if (magnitude >= 10 ** digits) return value.toFixed(0);
  return value.toPrecision(digits);
}

/** A loss or metric: 4 decimals (2.3026, 0.0312), exponent notation below 1e-3. */
export function formatMetric(value: number): string {
  const nonFinite = formatNonFinite(value);
  if (nonFinite !== undefined) return nonFinite;
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && magnitude < 1e-3) return value.toExponential(2);
  if (magnitude >= 1e5) return value.toExponential(3).replace("e+", "e");
  return value.toFixed(4);
}

/** A duration in seconds as a clock reads it: "0.4s", "12s", "3m05s", "1h02m". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "--";
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m${String(whole % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

/** Items per second with three significant digits: "2410 it/s", "41.2 it/s", "0.52 it/s". */
export function formatRate(itemsPerSecond: number): string {
  if (!Number.isFinite(itemsPerSecond)) return "-- it/s";
  const text = itemsPerSecond >= 100 ? itemsPerSecond.toFixed(0) : itemsPerSecond.toPrecision(3);
  return `${text} it/s`;
}
