/**
 * Lesson 04 — Optimizers.
 *
 * Gradient descent steps downhill by lr × the gradient. On a loss surface shaped like a
 * long narrow valley that is a bad plan: the steep walls force a tiny lr, and then the
 * gentle floor takes forever. This lesson races seven optimizers (SGD, momentum, Nesterov,
 * AdaGrad, RMSprop, Adam, AdamW) over two such surfaces, each with a learning rate tuned by
 * a sweep, draws their paths over the contours, shows what a schedule adds, and ends with
 * a learning rate that is too small, one that is right, and one that blows up.
 *
 * Run it with `npm start` (here, or `npm start -- 4` from the repository root).
 */
import {
  Adam,
  type Optimizer,
  type Param,
  SGD,
  constant,
  cosineAnnealing,
  linearWarmup,
  quadratic,
  rosenbrock,
} from "@gradschool/optimizers";
import { addInPlace, tensor, zeros } from "@gradschool/tensor";
import { lossChart, table } from "@gradschool/viz";
import { type ContourMapOptions, contourMap, sideBySide } from "./contour-map.ts";
import { type Problem, type Tuned, contenders, descend, stepsToSolve, sweep, tolerance } from "./race.ts";

const heading = (text: string) => console.log(`\n── ${text} ${"─".repeat(Math.max(0, 72 - text.length))}\n`);

/** Losses below this are drawn at it, so the charts show the race and not 1e-40 vs 1e-140. */
const chartFloor = 1e-12;

const formatLoss = (loss: number): string => loss.toExponential(1);
const formatPoint = ([x, y]: readonly number[]): string => `(${x.toFixed(4)}, ${y.toFixed(4)})`;

// Step 1 — an optimizer takes a Param { name, value, grad } and changes value in place.
heading("Step 1 · one step of SGD and one of Adam");
const bowl = quadratic([1, 50]);
const firstStep = (optimizer: Optimizer): number[] => {
  const point: Param = { name: "xy", value: tensor([-4, 1]), grad: zeros([2]) };
  optimizer.zeroGrad([point]);
  addInPlace(point.grad, bowl.gradient(point.value));
  optimizer.step([point]);
  return [...point.value.data];
};
const start = tensor([-4, 1]);
const gradient = bowl.gradient(start);
console.log(`f(x, y) = ½(x² + 50y²) at (-4, 1): f = ${bowl.value(start)}, gradient (x, 50y) = (${[...gradient.data].join(", ")})`);
const afterSgd = firstStep(new SGD({ lr: 0.01 }));
const afterAdam = firstStep(new Adam({ lr: 0.1 }));
console.log(
  `SGD  lr 0.01: x moves by ${(afterSgd[0] + 4).toFixed(4)}, y by ${(afterSgd[1] - 1).toFixed(4)} (−lr × gradient: 12.5× more along y)`,
);
console.log(
  `Adam lr 0.1:  x moves by ${(afterAdam[0] + 4).toFixed(4)}, y by ${(afterAdam[1] - 1).toFixed(4)} (lr each, whatever the gradient)`,
);

// Step 2 — the two surfaces, and the number that makes them hard: the ratio of the
// largest to the smallest curvature (the eigenvalues of the Hessian).
heading("Step 2 · two hard surfaces");
const rosenbrockProblem: Problem = { surface: rosenbrock, start: [-1.5, 2], steps: 5000 };
const bowlProblem: Problem = { surface: bowl, start: [-4, 1], steps: 1000 };
// Rosenbrock's Hessian at (1, 1) is [[802, −400], [−400, 200]]; a symmetric 2×2 has eigenvalues (tr ± √(tr² − 4 det)) / 2.
const trace = 802 + 200;
const determinant = 802 * 200 - 400 * 400;
const steepest = (trace + Math.sqrt(trace ** 2 - 4 * determinant)) / 2;
const flattest = (trace - Math.sqrt(trace ** 2 - 4 * determinant)) / 2;
console.log(`Rosenbrock f = (1 − x)² + 100(y − x²)², from (-1.5, 2) where f = ${rosenbrock.value(tensor([-1.5, 2]))}, to f(1, 1) = 0`);
console.log(
  `  curvature at the minimum: ${steepest.toFixed(1)} across the valley, ${flattest.toFixed(4)} along it, ` +
    `a ratio of ${Math.round(steepest / flattest)}`,
);
console.log(`  SGD is stable there only for lr < 2 / ${steepest.toFixed(1)} = ${(2 / steepest).toFixed(6)}`);
console.log(`Quadratic f = ½(x² + 50y²), from (-4, 1) where f = ${bowl.value(start)}, to f(0, 0) = 0`);
console.log("  curvature 1 along x, 50 along y, a ratio of 50");
console.log("  SGD is stable only for lr < 2 / 50 = 0.04");
console.log(`\nSolved means f < ${tolerance.toExponential()} from some step to the end of the run;`);
console.log(`a run is ${rosenbrockProblem.steps} steps on Rosenbrock and ${bowlProblem.steps} on the quadratic.`);

// Step 3 — a fair race needs each optimizer at its own best learning rate, so sweep it.
heading("Step 3 · tuning: a learning-rate sweep for each optimizer");
const learningRates = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2];

const printSweep = (rows: string[][]) => {
  const align = ["left" as const, ...learningRates.map(() => "right" as const)];
  console.log(table(rows, { header: ["lr", ...learningRates.map(String)], align }));
};
console.log(`Rosenbrock: steps until solved (— not solved in ${rosenbrockProblem.steps}, ∞ blew up)\n`);
const { best: rosenbrockBest, rows: rosenbrockRows } = sweep(rosenbrockProblem, learningRates);
printSweep(rosenbrockRows);
console.log(`\nQuadratic: steps until solved (— not solved in ${bowlProblem.steps}, ∞ blew up)\n`);
const { best: bowlBest, rows: bowlRows } = sweep(bowlProblem, learningRates);
printSweep(bowlRows);
// Where the ∞s begin: on a bowl of curvature c, each method is stable only for lr below a limit.
// (For momentum the limit comes from z² − (1 + μ − lr·c)z + μ, the step's characteristic polynomial.)
const mu = 0.9;
const limits = (c: number) =>
  [2 / c, (2 * (1 + mu)) / c, (2 * (1 + mu)) / ((1 + 2 * mu) * c)].map((limit) => limit.toFixed(6)).join(", ");
console.log(`\nStable only for lr below: SGD 2/c, momentum 2(1 + μ)/c, Nesterov 2(1 + μ)/((1 + 2μ)c), μ = ${mu}:`);
console.log(`${`  Rosenbrock, c = ${steepest.toFixed(1)} at the minimum:`.padEnd(42)}${limits(steepest)}`);
console.log(`${"  quadratic, c = 50:".padEnd(42)}${limits(50)}`);
console.log("\nEach optimizer races with its fastest lr (if it never solves: the lr of its lowest final f).");

// Step 4 — the race, each with its tuned lr.
heading("Step 4 · the race");
const raceRow = (tuned: Tuned, steps: number) => [
  String(tuned.lr),
  tuned.solvedAt !== undefined ? String(tuned.solvedAt) : `not in ${steps}`,
  formatLoss(tuned.run.losses.at(-1)!),
];
console.log(
  table(
    contenders.map((contender, i) => [
      contender.label,
      ...raceRow(rosenbrockBest[i], rosenbrockProblem.steps),
      ...raceRow(bowlBest[i], bowlProblem.steps),
    ]),
    { header: ["optimizer", "lr", "Rosenbrock", "final f", "lr", "quadratic", "final f"] },
  ),
);
const fastest = (best: Tuned[]) => {
  const i = best.reduce((winner, tuned, j) => ((tuned.solvedAt ?? Infinity) < (best[winner].solvedAt ?? Infinity) ? j : winner), 0);
  return `${contenders[i].label} (${best[i].solvedAt} steps)`;
};
const unsolved = (best: Tuned[]) => contenders.filter((_, i) => best[i].solvedAt === undefined).map((c) => c.label);
console.log(`\nFastest on Rosenbrock: ${fastest(rosenbrockBest)}. Not solved: ${unsolved(rosenbrockBest).join(", ")}.`);
console.log(`Fastest on the quadratic: ${fastest(bowlBest)}. Not solved: ${unsolved(bowlBest).join(", ") || "none"}.`);
const adamW = rosenbrockBest[contenders.findIndex((c) => c.label === "AdamW")];
console.log(`AdamW ends Rosenbrock at ${formatPoint(adamW.run.path.at(-1)!)}, not (1, 1): weight decay pulls towards 0.`);
// One chart per surface with all seven curves, each in its own line style and colour.
const raceChart = (best: Tuned[], surface: string, steps: number) =>
  lossChart(
    Object.fromEntries(contenders.map((c, i) => [c.label, best[i].run.losses.map((loss) => Math.max(loss, chartFloor))])),
    { title: `${surface}: all seven optimizers`, logScale: true, height: 14, width: 78, xRange: [0, steps - 1], yLabel: "f" },
  );
console.log(`\nIn the charts, f below ${chartFloor} is drawn at ${chartFloor}; the table tells those apart.`);
console.log(`\n${raceChart(rosenbrockBest, "Rosenbrock", rosenbrockProblem.steps)}`);
console.log(`\n${raceChart(bowlBest, "Quadratic", bowlProblem.steps)}`);

// Step 5 — where they went: each path over the contours of log10 f, one small map each.
heading("Step 5 · the paths");
function pathPanels(best: Tuned[], f: (x: number, y: number) => number, map: Omit<ContourMapOptions, "width">): string {
  const panels = contenders.map((c, i) => {
    const title = `${c.letter} ${c.label} ${best[i].lr}`;
    return contourMap(f, { [c.letter]: best[i].run.path }, { ...map, title, width: 18 });
  });
  const rows: string[] = [];
  for (let i = 0; i < panels.length; i += 4) rows.push(sideBySide(panels.slice(i, i + 4), 0));
  return rows.join("\n");
}
console.log(`Rosenbrock, ${rosenbrockProblem.steps} steps, x from -2 to 1.5, y from -0.5 to 3`);
console.log("o start, * minimum (1, 1); shading: blank f < 1, then . : - = for each further ×10\n");
console.log(
  pathPanels(rosenbrockBest, (x, y) => rosenbrock.value(tensor([x, y])), {
    xRange: [-2, 1.5],
    yRange: [-0.5, 3],
    height: 10,
    marks: { o: rosenbrockProblem.start, "*": [1, 1] },
  }),
);
console.log(`\nQuadratic, ${bowlProblem.steps} steps, x from -4.5 to 1.5, y from -1.35 to 1.35`);
console.log("o start, * minimum (0, 0); shading: blank f < 0.1, then . : - = for each further ×10\n");
console.log(
  pathPanels(bowlBest, (x, y) => bowl.value(tensor([x, y])), {
    xRange: [-4.5, 1.5],
    yRange: [-1.35, 1.35],
    height: 9,
    lowestLevel: -1,
    marks: { o: bowlProblem.start, "*": [0, 0] },
  }),
);

// Step 6 — a schedule: big steps early, small steps late.
heading("Step 6 · a learning-rate schedule");
const adamLr = 0.1;
const cosine = cosineAnnealing(adamLr, rosenbrockProblem.steps);
const warmupCosine = linearWarmup(100, cosineAnnealing(adamLr, rosenbrockProblem.steps - 100));
console.log(`cosine = cosineAnnealing(${adamLr}, ${rosenbrockProblem.steps}):`);
console.log(`  ${[0, 1000, 2500, 4000, 4999].map((step) => `${step}: ${cosine(step).toPrecision(3)}`).join(", ")}`);
console.log(`warmupCosine = linearWarmup(100, cosineAnnealing(${adamLr}, ${rosenbrockProblem.steps - 100})):`);
console.log(`  ${[0, 49, 99, 100, 2550].map((step) => `${step}: ${warmupCosine(step).toPrecision(3)}`).join(", ")}\n`);
const scheduled = [
  { label: `constant ${adamLr}`, schedule: constant(adamLr) },
  { label: "cosine", schedule: cosine },
  { label: "warmup + cosine", schedule: warmupCosine },
].map(({ label, schedule }) => {
  const run = descend(rosenbrockProblem, new Adam({ lr: adamLr }), schedule);
  return { label, run, solvedAt: stepsToSolve(run) };
});
for (const { label, run, solvedAt } of scheduled) {
  const result = solvedAt !== undefined ? `solved at step ${solvedAt}` : `not solved in ${rosenbrockProblem.steps}`;
  console.log(`Adam on Rosenbrock, ${label.padEnd(15)} ${result}, final f ${formatLoss(run.losses.at(-1)!)}`);
}

// Step 7 — one optimizer, three learning rates, on the quadratic where the theory is exact:
// each step multiplies x by (1 − lr·1) and y by (1 − lr·50).
heading("Step 7 · a learning rate too small, right, and too large");
const rates = [
  { label: "too small 0.004", lr: 0.004 },
  { label: "right 2/51", lr: 2 / 51 },
  { label: "too large 0.05", lr: 0.05 },
];
const rateRuns = rates.map(({ label, lr }) => {
  const run = descend(bowlProblem, new SGD({ lr }));
  const solvedAt = stepsToSolve(run);
  const firstInfinite = run.losses.findIndex((loss) => !Number.isFinite(loss));
  const outcome =
    firstInfinite >= 0
      ? `f overflows to ${run.losses[firstInfinite]} at step ${firstInfinite}`
      : `${solvedAt === undefined ? "not solved" : `solved at step ${solvedAt}`}, final f ${formatLoss(run.losses.at(-1)!)}`;
  console.log(`lr ${label.padEnd(16)} x ×${(1 - lr).toFixed(4)}, y ×${(1 - 50 * lr).toFixed(4)} per step → ${outcome}`);
  return { label, lr, run };
});
const tooLarge = descend({ ...bowlProblem, steps: 5000 }, new SGD({ lr: 0.05 }));
console.log(`\nKept going, the gradient itself overflows, and the optimizer refuses it:\n  ${tooLarge.error}`);
console.log(
  "\n" +
    lossChart(Object.fromEntries(rateRuns.map(({ label, run }) => [label, run.losses])), {
      title: "SGD on ½(x² + 50y²) at three learning rates",
      logScale: true,
      height: 12,
      width: 78,
      xRange: [0, bowlProblem.steps - 1],
      yLabel: "f",
    }),
);
