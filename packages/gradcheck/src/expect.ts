import { type Rng, type Tensor, rng } from "@gradschool/tensor";
import { type GradientCheckOptions, type GradientReport, checkGradient } from "./check-gradient.ts";
import { type CheckableLayer, type LayerCheckOptions, type LayerReport, checkLayer } from "./check-layer.ts";
import { formatReport } from "./format-report.ts";

/**
 * One-line gradient checks for tests:
 *
 *   expectLayerGradientsClose(new Dense(4, 3, { rng: rng(7) }), [5, 4]);
 *
 * On success they return the report; on failure they throw a GradientCheckError whose
 * message is the formatReport table (which tensor, which index, analytic, numeric,
 * relative error), so the test output points at the wrong weight. They throw a plain
 * Error rather than calling vitest's expect, so lessons can run them outside a test too.
 */
export class GradientCheckError extends Error {
  override name = "GradientCheckError";
  readonly report: GradientReport | LayerReport;

  constructor(message: string, report: GradientReport | LayerReport) {
    super(message);
    this.report = report;
  }
}

/** Throws unless `analytic` matches the central-difference gradient of f at x. */
export function expectGradientsClose(
  f: (x: Tensor) => number,
  x: Tensor,
  analytic: Tensor,
  options?: GradientCheckOptions,
): GradientReport {
  const report = checkGradient(f, x, analytic, options);
  if (!report.ok) {
    const error = new GradientCheckError(
      `expectGradientsClose: the analytic gradient disagrees with central differences\n${formatReport(report)}`,
      report,
    );
    Error.captureStackTrace(error, expectGradientsClose); // point the test runner at the caller's line
    throw error;
  }
  return report;
}

/** Throws unless the layer's backward matches central differences for its input and every parameter. */
export function expectLayerGradientsClose(
  layer: CheckableLayer,
  inputShape: readonly number[],
  random: Rng = rng(0),
  options?: LayerCheckOptions,
): LayerReport {
  const report = checkLayer(layer, inputShape, random, options);
  if (!report.ok) {
    const error = new GradientCheckError(
      `expectLayerGradientsClose: backward disagrees with central differences\n${formatReport(report)}`,
      report,
    );
    Error.captureStackTrace(error, expectLayerGradientsClose); // point the test runner at the caller's line
    throw error;
  }
  return report;
}
