/** n evenly spaced numbers from start to stop, both included (numpy's linspace); [start] when n = 1. */
export function linspace(start: number, stop: number, n: number): Float64Array {
  const values = new Float64Array(n);
  const step = n > 1 ? (stop - start) / (n - 1) : 0;
  for (let i = 0; i < n; i++) values[i] = start + i * step;
  if (n > 1) values[n - 1] = stop; // exact endpoint, as numpy guarantees
  return values;
}
