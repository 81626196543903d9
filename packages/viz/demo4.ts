import { progressBar } from "./src/progress-bar.ts";
let t = 0;
const out: string[] = [];
const stream = { isTTY: true, columns: 80, write: (s: string) => out.push(s) };
const bar = progressBar({ total: 100, label: "epoch 1/5", stream, now: () => t });
for (let i = 0; i < 100; i++) { t += 7; bar.tick(1, { loss: 1 / (1 + i), accuracy: i / 100 }); }
bar.done({ valLoss: 0.3 });
console.log(JSON.stringify(out.slice(-3)));
