import { type Rng, type Tensor, clone, formatShape, randn, sameShape } from "@gradschool/tensor";
import { type GradientCheckOptions, type GradientReport, checkGradient } from "./check-gradient.ts";

/** A trainable tensor and the gradient backward fills for it (the Param of later packages). */
export interface ParamLike {
  name: string;
  value: Tensor;
  grad: Tensor;
}

/**
 * Anything shaped like a layer: the Layer interface of @gradschool/backprop fits it, and
 * so does any object with these three methods, so layers can be checked before that
 * package exists.
 */
export interface CheckableLayer {
  forward(x: Tensor, ctx?: { training: boolean }): Tensor;
  /** Returns dL/dx and adds dL/dparam into each param's grad. */
  backward(gradOut: Tensor): Tensor;
  params(): ParamLike[];
}

export interface LayerCheckOptions extends GradientCheckOptions {
  /**
   * The mode forward runs in (default false). Use true only for layers that are
   * deterministic in training mode (batchnorm's batch statistics are; dropout's fresh
   * random mask on every call is not, and would make the numeric gradient noise).
   */
  training?: boolean;
}

/** The outcome of checking a layer: dL/dx and dL/d(every parameter). */
export interface LayerReport {
  /** True when the input and every parameter pass. */
  ok: boolean;
  input: GradientReport;
  /** One report per parameter, keyed by its name (a repeated name gets "#position"). */
  params: Record<string, GradientReport>;
}

/**
 * Proves a layer's backward pass against central differences, for the input and for
 * every parameter.
 *
 * A layer's output is a tensor, but a gradient check needs a scalar. The random
 * projection trick makes one: draw R with the output's shape and take
 *
 *   L = sum(out ⊙ R)    so    dL/dout = R
 *
 * Feeding R to backward gives the analytic dL/dx and dL/dparam; since R is random, every
 * output element gets a different weight and no mistake can cancel out (with all-ones R,
 * a bug that swaps two outputs would go unseen). The numeric side perturbs x, then each
 * param.value, in place and re-runs forward.
 *
 * Every param.grad is zeroed before backward (layers add into grad); afterwards it holds
 * the analytic gradient for L. Parameter values are left exactly as they were.
 */
export function checkLayer(
  layer: CheckableLayer,
  inputShape: readonly number[],
  random: Rng,
  options: LayerCheckOptions = {},
): LayerReport {
  const ctx = { training: options.training ?? false };
  const x = randn(inputShape, random);
  const output = layer.forward(x, ctx);
  const projection = randn(output.shape, random); // R, the same shape as out

  const loss = (): number => {
    const out = layer.forward(x, ctx);
    if (!sameShape(out.shape, projection.shape)) {
      throw new Error(
        `checkLayer: forward returned ${formatShape(out.shape)} this time but ${formatShape(projection.shape)} before; ` +
          `expected the same output shape for the same input shape`,
      );
    }
    let total = 0;
    for (let i = 0; i < out.size; i++) total += out.data[i] * projection.data[i];
    return total;
  };

  // Analytic side: backward from dL/dout = R, right after the forward above.
  const params = layer.params();
  for (const param of params) {
    if (!sameShape(param.value.shape, param.grad.shape)) {
      throw new Error(
        `checkLayer: parameter "${param.name}" has value ${formatShape(param.value.shape)} but grad ` +
          `${formatShape(param.grad.shape)}; expected grad to have the shape of value`,
      );
    }
    param.grad.data.fill(0);
  }
  const gradInput = layer.backward(projection);
  if (!sameShape(gradInput.shape, x.shape)) {
    throw new Error(
      `checkLayer: backward returned a gradient of shape ${formatShape(gradInput.shape)} for an input of shape ` +
        `${formatShape(x.shape)}; expected dL/dx to have the shape of x`,
    );
  }
  // Copy the analytic gradients: the forward calls below must not be able to change them.
  const analyticInput = clone(gradInput);
  const analyticGrads = params.map((param) => clone(param.grad));

  // Numeric side: perturb x, then each parameter, and watch L.
  const input = checkGradient(loss, x, analyticInput, options);
  const paramReports: Record<string, GradientReport> = {};
  params.forEach((param, position) => {
    const key = Object.hasOwn(paramReports, param.name) ? `${param.name}#${position}` : param.name;
    paramReports[key] = checkGradient(loss, param.value, analyticGrads[position], options);
  });

  const ok = input.ok && Object.values(paramReports).every((report) => report.ok);
  return { ok, input, params: paramReports };
}
