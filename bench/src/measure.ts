/**
 * Timing one piece of work fairly: run it a few times first so the JIT has compiled it
 * (warm-up), then time several repetitions and report the median, which ignores the odd
 * slow run caused by garbage collection or another process.
 */
export interface Measurement {
  medianMs: number;
  minMs: number;
  maxMs: number;
  repetitions: number;
}

export function measure(work: () => unknown, { warmup = 3, repetitions = 11 } = {}): Measurement {
  for (let i = 0; i < warmup; i++) work();
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)],
    minMs: times[0],
    maxMs: times[times.length - 1],
    repetitions,
  };
}
