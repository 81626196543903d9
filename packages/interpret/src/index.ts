// ── Gradients: which input elements the class score is most sensitive to ─────────────────
export { saliency } from "./saliency.ts";
export type { ClassScore, SaliencyOptions } from "./saliency.ts";
export { gradientTimesInput } from "./gradient-times-input.ts";

// ── Asking the model directly: hide a patch, shuffle a feature ───────────────────────────
export { occlusion } from "./occlusion.ts";
export type { OcclusionMap, OcclusionOptions } from "./occlusion.ts";
export { permutationImportance } from "./permutation-importance.ts";
export type { PermutationImportance, PermutationImportanceOptions } from "./permutation-importance.ts";

// ── Looking at the weights ───────────────────────────────────────────────────────────────
export { firstLayerWeights } from "./first-layer-weights.ts";
export type { WeightImages } from "./first-layer-weights.ts";

// ── Helpers the methods share ────────────────────────────────────────────────────────────
export { logitModel, endsWithSoftmax } from "./class-scores.ts";
export { imageShapeOf } from "./image-shape.ts";
export type { ImageShape } from "./image-shape.ts";
