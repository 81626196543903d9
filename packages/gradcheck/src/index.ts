export { numericalGradient } from "./numerical-gradient.ts";
export { relativeError } from "./relative-error.ts";
export { checkGradient } from "./check-gradient.ts";
export type { GradientCheckOptions, GradientEntry, GradientReport } from "./check-gradient.ts";
export { checkLayer } from "./check-layer.ts";
export type { CheckableLayer, LayerCheckOptions, LayerReport, ParamLike } from "./check-layer.ts";
export { formatReport } from "./format-report.ts";
export { expectGradientsClose, expectLayerGradientsClose, GradientCheckError } from "./expect.ts";
