// ── Value: scalar autograd (chain rule on a graph of numbers) ──────────────────────────
export { Value, value } from "./value.ts";
export { topologicalOrder, zeroGrad } from "./topological-order.ts";
export { formatGraph } from "./format-graph.ts";

// ── Layers: the Layer interface, Dense, activation layers, Sequential ───────────────────
export type { Layer, ForwardContext } from "./layer.ts";
export { initializers } from "./initializers.ts";
export type { Initializer } from "./initializers.ts";
export { Dense } from "./dense.ts";
export type { DenseOptions } from "./dense.ts";
export { ActivationLayer, ReLU, Sigmoid, Tanh, Softmax } from "./activation-layer.ts";
export { Sequential } from "./sequential.ts";
