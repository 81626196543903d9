import { Tensor, formatShape, tensor } from "@gradschool/tensor";

/**
 * Loss surfaces to test optimizers on: small functions whose minimum is known, chosen
 * because each has a shape that real loss surfaces have and plain gradient descent
 * handles badly. A point is a tensor (shape [2] for Rosenbrock), so it can be a Param's
 * value and the optimizers step it like any weight.
 */
export interface Surface {
  readonly name: string;
  /** f(point). */
  value(point: Tensor): number;
  /** ∇f(point), a new tensor of the point's shape. */
  gradient(point: Tensor): Tensor;
  /** Where the minimum is; f is 0 there. */
  readonly minimum: readonly number[];
}

/**
 * Rosenbrock's banana: f(x, y) = (1 − x)² + 100·(y − x²)², minimum f(1, 1) = 0.
 *
 *   ∂f/∂x = −2(1 − x) − 400·x·(y − x²)       ∂f/∂y = 200·(y − x²)
 *
 * The second term carves a steep curved valley along y = x²; the first slopes gently
 * along its floor towards (1, 1). Across the valley the curvature is ~200(1 + 4x²), along
 * it ~2: steps small enough not to bounce off the walls crawl along the floor.
 */
export const rosenbrock: Surface = {
  name: "Rosenbrock",
  minimum: [1, 1],
  value(point) {
    const [x, y] = coordinates("rosenbrock.value", point);
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  },
  gradient(point) {
    const [x, y] = coordinates("rosenbrock.gradient", point);
    return tensor([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]);
  },
};

/**
 * A quadratic bowl f(θ) = ½ Σᵢ cᵢ·θᵢ², minimum f(0) = 0, ∂f/∂θᵢ = cᵢ·θᵢ.
 *
 * cᵢ is the curvature along axis i; the condition number max c / min c says how
 * stretched the bowl is. Gradient descent with rate γ multiplies θᵢ by (1 − γcᵢ) each
 * step, so it is stable only for γ < 2 / max c, and then the flattest axis shrinks by
 * only (1 − γ·min c): with c = [1, 50], at most 1 − 2/50 = 0.96 per step.
 */
export function quadratic(curvatures: readonly number[]): Surface {
  if (!Array.isArray(curvatures) || curvatures.length === 0 || !curvatures.every((c) => Number.isFinite(c) && c > 0)) {
    throw new Error(`quadratic: curvatures must be a non-empty list of finite numbers > 0; received ${JSON.stringify(curvatures)}`);
  }
  const caller = `quadratic([${curvatures.join(", ")}])`;
  return {
    name: `quadratic (curvatures ${curvatures.join(", ")})`,
    minimum: curvatures.map(() => 0),
    value(point) {
      checkPoint(`${caller}.value`, point, curvatures.length);
      let total = 0;
      for (let i = 0; i < curvatures.length; i++) total += 0.5 * curvatures[i] * point.data[i] ** 2;
      return total;
    },
    gradient(point) {
      checkPoint(`${caller}.gradient`, point, curvatures.length);
      return tensor(curvatures.map((c, i) => c * point.data[i]));
    },
  };
}

function coordinates(caller: string, point: Tensor): [number, number] {
  checkPoint(caller, point, 2);
  return [point.data[0], point.data[1]];
}

function checkPoint(caller: string, point: Tensor, size: number): void {
  if (!(point instanceof Tensor) || point.shape.length !== 1 || point.size !== size) {
    const received = point instanceof Tensor ? formatShape(point.shape) : typeof point;
    throw new Error(`${caller}: point must be a tensor of shape [${size}]; received ${received}`);
  }
}
