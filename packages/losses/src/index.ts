export type { Loss, LossTarget } from "./loss.ts";
export { mse } from "./mse.ts";
export { mae } from "./mae.ts";
export { huber } from "./huber.ts";
export { binaryCrossEntropy, BCE_EPSILON } from "./binary-cross-entropy.ts";
export { bceWithLogits } from "./bce-with-logits.ts";
export { crossEntropy } from "./cross-entropy.ts";
export { softmaxCrossEntropy } from "./softmax-cross-entropy.ts";
