import { tensor, zeros } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { Adagrad } from "./adagrad.ts";
import { Adam } from "./adam.ts";
import { AdamW } from "./adamw.ts";
import type { Optimizer } from "./optimizer.ts";
import type { Param } from "./param.ts";
import { RMSprop } from "./rmsprop.ts";
import { cosineAnnealing } from "./schedules.ts";
import { SGD } from "./sgd.ts";
import { type Surface, quadratic, rosenbrock } from "./surfaces.ts";

/** f after `steps` steps of `optimizer` on `surface` from `start`, optionally with lr = schedule(step). */
function finalLoss(surface: Surface, optimizer: Optimizer, start: number[], steps: number, schedule?: (step: number) => number): number {
  const point: Param = { name: "xy", value: tensor(start), grad: zeros([start.length]) };
  for (let step = 0; step < steps; step++) {
    if (schedule) optimizer.lr = schedule(step);
    optimizer.zeroGrad([point]);
    point.grad.data.set(surface.gradient(point.value).data);
    optimizer.step([point]);
  }
  return surface.value(point.value);
}

describe("optimizers on test surfaces", () => {
  const bowl = quadratic([1, 50]);

  test("SGD on ½(x² + 50y²) converges for lr just below 2/50 and blows up just above", () => {
    expect(finalLoss(bowl, new SGD({ lr: 0.039 }), [-4, 1], 500)).toBeLessThan(1e-10);
    expect(finalLoss(bowl, new SGD({ lr: 0.041 }), [-4, 1], 500)).toBeGreaterThan(1e3);
  });

  test("every optimizer at a sensible lr brings ½(x² + 50y²) from 33 below 1e-6 in 1000 steps", () => {
    const optimizers = [
      new SGD({ lr: 0.02 }),
      new SGD({ lr: 0.01, momentum: 0.9 }),
      new SGD({ lr: 0.01, momentum: 0.9, nesterov: true }),
      new Adagrad({ lr: 0.5 }),
      new RMSprop({ lr: 0.01 }),
      new Adam({ lr: 0.1 }),
      new AdamW({ lr: 0.1 }),
    ];
    for (const optimizer of optimizers) expect(finalLoss(bowl, optimizer, [-4, 1], 1000), optimizer.name).toBeLessThan(1e-6);
  });

  test("on Rosenbrock, momentum reaches f < 1e-6 in 2000 steps at an lr where plain SGD is still above 1e-3", () => {
    expect(finalLoss(rosenbrock, new SGD({ lr: 0.001, momentum: 0.9 }), [-1.5, 2], 2000)).toBeLessThan(1e-6);
    expect(finalLoss(rosenbrock, new SGD({ lr: 0.001 }), [-1.5, 2], 2000)).toBeGreaterThan(1e-3);
  });

  test("on Rosenbrock, cosine annealing lets Adam settle where a constant lr keeps it rattling", () => {
    const constantLoss = finalLoss(rosenbrock, new Adam({ lr: 0.1 }), [-1.5, 2], 5000);
    const annealedLoss = finalLoss(rosenbrock, new Adam({ lr: 0.1 }), [-1.5, 2], 5000, cosineAnnealing(0.1, 5000));
    expect(constantLoss).toBeGreaterThan(1e-7);
    expect(annealedLoss).toBeLessThan(1e-20);
  });
});
