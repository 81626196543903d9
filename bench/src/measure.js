export function measure(work, { warmup = 3, repetitions = 11 } = {}) {
    for (let i = 0; i < warmup; i++)
        work();
    const times = [];
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
