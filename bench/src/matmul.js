/**
 * Matrix multiply, three ways, on the same matrices: the plain triple loop, the i-k-j
 * loop and the packed 4×4 register-blocked kernel that every layer uses. Reports
 * GFLOP/s: an m×k by k×n product is 2·m·k·n floating-point operations.
 */
import { matmul, matmulIkj, matmulNaive, randn, rng } from "@gradschool/tensor";
import { measure } from "./measure.ts";
const kernels = [
    ["naive i-j-k", matmulNaive],
    ["i-k-j", matmulIkj],
    ["packed 4×4 (matmul)", matmul],
];
export function benchMatmul(sizes, { quick = false } = {}) {
    const random = rng(2024);
    const results = [];
    for (const [m, k, n] of sizes) {
        const a = randn([m, k], random);
        const b = randn([k, n], random);
        const flops = 2 * m * k * n;
        for (const [kernel, multiply] of kernels) {
            // Slow kernels on big matrices get fewer repetitions; the median still needs a few.
            const slow = kernel !== "packed 4×4 (matmul)" && flops > 1e9;
            const timing = measure(() => multiply(a, b), {
                warmup: slow ? 1 : 3,
                repetitions: quick || slow ? 5 : 15,
            });
            results.push({ shape: `${m}×${k}·${k}×${n}`, kernel, gflops: flops / (timing.medianMs / 1000) / 1e9, medianMs: timing.medianMs });
        }
    }
    return results;
}
