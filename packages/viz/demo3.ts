import { progressBar } from "./src/progress-bar.ts";
import { rng } from "../tensor/src/rng.ts";
const r = rng(3);
for (let epoch = 1; epoch <= 2; epoch++) {
  const bar = progressBar({ total: 1875, label: `epoch ${epoch}/2` });
  for (let b = 0; b < 1875; b++) {
    const t0 = performance.now(); while (performance.now() - t0 < 0.5) {}
    bar.tick(1, { loss: 1 / (1 + b / 100) + 0.1 * r.uniform(), accuracy: 0.9 });
  }
  bar.done({ valLoss: 0.2512, valAccuracy: 0.9612 });
}
