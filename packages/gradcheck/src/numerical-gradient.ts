import { Tensor, formatShape } from "@gradschool/tensor";

/**
 * The gradient of a scalar function, measured instead of derived.
 *
 * For every element xᵢ of x, nudge it both ways and watch f move:
 *
 *   ∂f/∂xᵢ ≈ (f(x + eps·eᵢ) − f(x − eps·eᵢ)) / (2·eps)
 *
 * where eᵢ is 1 at position i and 0 elsewhere.
 *
 * Why central differences: Taylor-expand f on both sides and the even terms cancel,
 *
 *   f(x ± eps·eᵢ) = f(x) ± eps·f′ + eps²/2·f″ ± eps³/6·f‴ + …
 *   difference / (2·eps) = f′ + eps²/6·f‴ + …
 *
 * so the error is O(eps²) (≈ 1e-10 for eps = 1e-5), where the one-sided
 * (f(x + eps·eᵢ) − f(x)) / eps keeps the eps/2·f″ term and is only O(eps). A smaller eps
 * is not better: f is computed in float64, so each evaluation carries a rounding error of
 * about 1e-16·|f|, which the division by 2·eps magnifies. eps = 1e-5 balances the two.
 *
 * x is perturbed in place (so f sees the very tensor it closes over, e.g. a layer's
 * weight) and every element is restored exactly afterwards, even if f throws.
 * Cost: 2 evaluations of f per element — a check, not a way to train.
 */
export function numericalGradient(f: (x: Tensor) => number, x: Tensor, eps = 1e-5): Tensor {
  if (!(eps > 0) || !Number.isFinite(eps)) {
    throw new Error(`numericalGradient: eps must be a small positive number; received ${eps}`);
  }
  const gradient = new Float64Array(x.size);
  const data = x.data;
  for (let i = 0; i < data.length; i++) {
    const original = data[i];
    try {
      data[i] = original + eps;
      const fPlus = evaluate(f, x);
      data[i] = original - eps;
      const fMinus = evaluate(f, x);
      gradient[i] = (fPlus - fMinus) / (2 * eps);
    } finally {
      data[i] = original; // the exact bits we found, not original + eps − eps
    }
  }
  return new Tensor(gradient, x.shape);
}

function evaluate(f: (x: Tensor) => number, x: Tensor): number {
  const value: unknown = f(x);
  if (typeof value !== "number") {
    const received = value instanceof Tensor ? `a tensor of shape ${formatShape(value.shape)}` : typeof value;
    throw new Error(`numericalGradient: f must return a number (a scalar loss); received ${received}`);
  }
  return value;
}
