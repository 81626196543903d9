/**
 * The garbage collections during a training step, seen without `--expose-gc`: a
 * PerformanceObserver on 'gc' entries reports every collection V8 runs, when it started, how
 * long it paused the program, and whether it was minor (the young generation, where new
 * objects start: fast and frequent) or major (mark-compact of the whole heap).
 *
 * Each step records the interval it ran in, and a collection counts against the step
 * (of the contestant) during which it started.
 */
import { PerformanceObserver, constants } from "node:perf_hooks";

export interface GcEvent {
  /** performance.now() time at which the collection started, in ms. */
  start: number;
  /** How long it paused the program, in ms. */
  duration: number;
  kind: "minor" | "major" | "other";
}

/**
 * Starts recording garbage collections. Node delivers the entries a little later, so `stop`
 * waits one turn of the event loop before it returns what was recorded.
 */
export function watchGarbageCollection(): { stop: () => Promise<GcEvent[]> } {
  const events: GcEvent[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kindCode = (entry as { detail?: { kind?: number } }).detail?.kind;
      const kind =
        kindCode === constants.NODE_PERFORMANCE_GC_MINOR ? "minor" : kindCode === constants.NODE_PERFORMANCE_GC_MAJOR ? "major" : "other";
      events.push({ start: entry.startTime, duration: entry.duration, kind });
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  return {
    stop: async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      observer.disconnect();
      return events;
    },
  };
}

/** Runs `step` and records the time interval it ran in, so collections can be attributed to it. */
export function recordingIntervals<T>(step: () => T, intervals: Array<[number, number]>): () => T {
  return () => {
    const start = performance.now();
    const result = step();
    intervals.push([start, performance.now()]);
    return result;
  };
}

/** The collections that started inside one of the intervals. */
export function eventsDuring(events: readonly GcEvent[], intervals: ReadonlyArray<[number, number]>): GcEvent[] {
  return events.filter((event) => intervals.some(([from, to]) => event.start >= from && event.start <= to));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
