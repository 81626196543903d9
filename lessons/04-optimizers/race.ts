/**
 * The race of lesson 04: the seven contenders, the training loop that runs one of them
 * on a surface, what "solved" means, and the learning-rate sweep that tunes each one.
 */
import {
  Adagrad,
  Adam,
  AdamW,
  type Optimizer,
  type Param,
  RMSprop,
  SGD,
  type Schedule,
  type Surface,
} from "@gradschool/optimizers";
import { addInPlace, tensor, zeros } from "@gradschool/tensor";

/** "Solved" means f is below this from some step to the end of the run. */
export const tolerance = 1e-6;

export interface Contender {
  /** The letter that draws its path. */
  letter: string;
  label: string;
  make: (lr: number) => Optimizer;
}

/** Every optimizer at PyTorch's defaults apart from lr (AdamW's weightDecay 0.01 is its default too). */
export const contenders: readonly Contender[] = [
  { letter: "S", label: "SGD", make: (lr) => new SGD({ lr }) },
  { letter: "M", label: "momentum", make: (lr) => new SGD({ lr, momentum: 0.9 }) },
  { letter: "N", label: "Nesterov", make: (lr) => new SGD({ lr, momentum: 0.9, nesterov: true }) },
  { letter: "G", label: "AdaGrad", make: (lr) => new Adagrad({ lr }) },
  { letter: "R", label: "RMSprop", make: (lr) => new RMSprop({ lr }) },
  { letter: "A", label: "Adam", make: (lr) => new Adam({ lr }) },
  { letter: "W", label: "AdamW", make: (lr) => new AdamW({ lr, weightDecay: 0.01 }) },
];

export interface Problem {
  surface: Surface;
  start: [number, number];
  steps: number;
}

export interface Run {
  /** losses[s] is f after s steps (losses[0] at the start). */
  losses: number[];
  /** path[s] is the point after s steps. */
  path: Array<[number, number]>;
  /** Why the run stopped early: the optimizer refused a non-finite gradient. */
  error?: string;
}

/** The training loop of every later lesson, on a surface: zeroGrad, backward (grad += ∇f), step. */
export function descend(problem: Problem, optimizer: Optimizer, schedule?: Schedule): Run {
  const point: Param = { name: "xy", value: tensor(problem.start), grad: zeros([2]) };
  const losses: number[] = [];
  const path: Array<[number, number]> = [];
  for (let step = 0; step < problem.steps; step++) {
    losses.push(problem.surface.value(point.value));
    path.push([point.value.data[0], point.value.data[1]]);
    if (schedule !== undefined) optimizer.lr = schedule(step);
    optimizer.zeroGrad([point]);
    addInPlace(point.grad, problem.surface.gradient(point.value));
    try {
      optimizer.step([point]);
    } catch (error) {
      return { losses, path, error: `step ${step}: ${(error as Error).message}` };
    }
  }
  return { losses, path };
}

/** A run blew up if the optimizer stopped it or its loss overflowed. */
export const blewUp = (run: Run): boolean => run.error !== undefined || !Number.isFinite(run.losses.at(-1)!);

/** The step from which f stays below the tolerance to the end of the run, or undefined. */
export function stepsToSolve(run: Run): number | undefined {
  if (blewUp(run)) return undefined;
  let settled = run.losses.length;
  while (settled > 0 && run.losses[settled - 1] < tolerance) settled--;
  return settled < run.losses.length ? settled : undefined;
}

export interface Tuned {
  lr: number;
  run: Run;
  solvedAt: number | undefined;
}

/**
 * Runs every contender at every learning rate. Returns each one's best run (the fastest
 * to solve; if none solves, the lowest final f) and a table row per contender: the
 * steps to solve at each lr, "—" for not solved, "∞" for blew up.
 */
export function sweep(problem: Problem, learningRates: readonly number[]): { best: Tuned[]; rows: string[][] } {
  const rows: string[][] = [];
  const best = contenders.map((contender) => {
    const tries = learningRates.map((lr) => {
      const run = descend(problem, contender.make(lr));
      return { lr, run, solvedAt: stepsToSolve(run) };
    });
    rows.push([contender.label, ...tries.map((t) => (t.solvedAt !== undefined ? String(t.solvedAt) : blewUp(t.run) ? "∞" : "—"))]);
    const solved = tries.filter((t) => t.solvedAt !== undefined);
    if (solved.length > 0) return solved.reduce((a, b) => (b.solvedAt! < a.solvedAt! ? b : a));
    return tries.filter((t) => !blewUp(t.run)).reduce((a, b) => (b.run.losses.at(-1)! < a.run.losses.at(-1)! ? b : a));
  });
  return { best, rows };
}
