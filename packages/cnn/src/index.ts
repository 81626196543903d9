// ── Convolution: the plain definition and the fast layer (im2col + matmul) ───────────────
export { conv2dReference, conv2dReferenceBackward } from "./conv2d-reference.ts";
export type { ConvOptions } from "./conv2d-reference.ts";
export { im2col, col2im } from "./im2col.ts";
export { windowGeometry } from "./window-geometry.ts";
export type { Padding, WindowGeometry, WindowSpec } from "./window-geometry.ts";
export { Conv2D } from "./conv2d.ts";
export type { Conv2DOptions } from "./conv2d.ts";

// ── Pooling and Flatten ──────────────────────────────────────────────────────────────────
export { MaxPool2D } from "./max-pool2d.ts";
export { AvgPool2D } from "./avg-pool2d.ts";
export type { PoolWindow } from "./pool-window.ts";
export { Flatten } from "./flatten.ts";

// ── Save/load registration and the reference network ────────────────────────────────────
import "./layer-types.ts"; // registers Conv2D, MaxPool2D, AvgPool2D and Flatten with save/load
export { referenceCnn } from "./reference-cnn.ts";
