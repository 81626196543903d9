import { renderDigit } from "./src/digit.ts";
// a synthetic "0": ring of radius ~8 around the centre, soft edges
const zero = new Float64Array(784);
const one = new Float64Array(784);
for (let r = 0; r < 28; r++) for (let c = 0; c < 28; c++) {
  const d = Math.hypot((r - 13.5) / 1.3, c - 13.5);
  zero[r * 28 + c] = Math.max(0, 1 - Math.abs(d - 7) / 2.2);
  const x = c - 14 + (r - 14) * 0.2; // slanted stroke
  one[r * 28 + c] = r >= 4 && r <= 23 ? Math.max(0, 1 - Math.abs(x) / 2) : 0;
}
console.log(renderDigit(zero));
console.log(renderDigit(one, { compact: true }));
import { renderImages } from "./src/images.ts";
import { rng } from "../tensor/src/rng.ts";
console.log(renderImages([zero, one, zero], { compact: true, labels: ["true 0 → 6", "1 → 7", "0 → 0"] }));
const r = rng(1);
const filters = Array.from({ length: 8 }, () => Array.from({ length: 9 }, () => r.normal()));
console.log(renderImages(filters, { normalize: true, labels: filters.map((_, i) => `filter ${i}`) }));
