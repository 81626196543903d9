/** Throws unless alpha is a finite number, naming the factory that received it. */
export function checkAlpha(factory: string, alpha: unknown): asserts alpha is number {
  if (typeof alpha !== "number" || !Number.isFinite(alpha)) {
    throw new Error(`${factory}: alpha must be a finite number; received ${String(alpha)}`);
  }
}
